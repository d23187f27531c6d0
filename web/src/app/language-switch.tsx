import { SegmentedControl, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { chooseLanguage } from "../i18n/i18n";
import { defaultLanguage, isLanguage } from "../i18n/language";

/** PT / EN radio pair; the hidden full names keep the visible text inside each accessible name. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  const data = [
    {
      value: "pt-BR",
      label: (
        <>
          {t("common.languageShort.ptBR")}
          <VisuallyHidden lang="pt-BR"> – {t("common.languageNames.ptBR")}</VisuallyHidden>
        </>
      ),
    },
    {
      value: "en",
      label: (
        <>
          {t("common.languageShort.en")}
          <VisuallyHidden lang="en"> – {t("common.languageNames.en")}</VisuallyHidden>
        </>
      ),
    },
  ];
  return (
    <SegmentedControl
      aria-label={t("common.language")}
      size="xs"
      value={current}
      data={data}
      onChange={(value) => {
        if (isLanguage(value)) chooseLanguage(value);
      }}
    />
  );
}
