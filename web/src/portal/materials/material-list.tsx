import { Anchor, Card, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../api/reward-types";
import { useLocalizedText } from "../../app/localized-text";
import { SafeHtmlBody } from "../../app/safe-html-body";
import type { PortalMaterial } from "./portal-materials-api";

function MaterialLink({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm" w="fit-content">
      {t("portal.materials.open")}
      <VisuallyHidden>
        {": "}
        {title} {t("portal.materials.newTab")}
      </VisuallyHidden>
    </Anchor>
  );
}

/** Support materials, one card each. */
export function MaterialCards({ materials }: { materials: PortalMaterial[] }) {
  return (
    <Stack gap="md">
      {materials.map((material) => (
        <MaterialCard key={material.id} material={material} />
      ))}
    </Stack>
  );
}

function MaterialCard({ material }: { material: PortalMaterial }) {
  const localized = useLocalizedText();
  const headingId = useId();
  const title = localized(material.title);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        <SafeHtmlBody fz="sm" html={localized(material.bodyHtml)} />
        {material.linkUrl ? <MaterialLink url={material.linkUrl} title={title} /> : null}
      </Stack>
    </Card>
  );
}

/** The policy's tips first, then the ones the program's admins added. */
export function TipList({ policyTips, tips }: { policyTips: LocalizedText[]; tips: PortalMaterial[] }) {
  const localized = useLocalizedText();
  return (
    <Stack component="ol" gap="sm" m={0} pl="lg">
      {policyTips.map((tip) => (
        <li key={tip["pt-BR"]}>
          <Text size="sm">{localized(tip)}</Text>
        </li>
      ))}
      {tips.map((tip) => (
        <li key={tip.id}>
          <Text size="sm" fw={600}>
            {localized(tip.title)}
          </Text>
          <SafeHtmlBody fz="sm" html={localized(tip.bodyHtml)} />
          {tip.linkUrl ? <MaterialLink url={tip.linkUrl} title={localized(tip.title)} /> : null}
        </li>
      ))}
    </Stack>
  );
}
