import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocalizedText } from "../../app/localized-text";
import type { PortalMaterials } from "./portal-materials-api";

type CopyState = "idle" | "copied" | "manual";

/** The landing page's link and a ready message, to copy or send through WhatsApp, LinkedIn or e-mail. */
export function ShareBlock({ share, programName }: { share: PortalMaterials["share"]; programName: string }) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const linkInput = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>("idle");
  const message = localized(share.message);
  const subject = t("portal.materials.share.emailSubject", { program: programName });
  const newTab = <VisuallyHidden>{t("portal.materials.newTab")}</VisuallyHidden>;

  async function copyLink() {
    try {
      // Only secure pages (https, localhost) have the clipboard API; elsewhere this throws.
      await navigator.clipboard.writeText(share.landingUrl);
      setCopyState("copied");
    } catch {
      linkInput.current?.focus();
      linkInput.current?.select();
      setCopyState("manual");
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="share-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="share-heading">
          {t("portal.materials.share.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("portal.materials.share.intro")}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            ref={linkInput}
            label={t("portal.materials.share.link")}
            value={share.landingUrl}
            readOnly
            variant="filled"
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: "1 1 280px" }}
          />
          <Button variant="default" onClick={() => void copyLink()}>
            {t("portal.materials.share.copy")}
          </Button>
        </Group>
        {/* Always in the page, so screen readers announce the change. */}
        <Text size="sm" c={copyState === "manual" ? "orange.8" : "green.8"} role="status" mih={20}>
          {copyState === "copied"
            ? t("portal.materials.share.copied")
            : copyState === "manual"
              ? t("portal.materials.share.copyManually")
              : ""}
        </Text>
        <Textarea
          label={t("portal.materials.share.message")}
          value={message}
          readOnly
          variant="filled"
          autosize
          minRows={2}
        />
        <Group gap="sm" wrap="wrap">
          <Button
            component="a"
            href={`https://wa.me/?text=${encodeURIComponent(message)}`}
            target="_blank"
            rel="noopener noreferrer"
            color="green"
          >
            {t("portal.materials.share.whatsapp")}
            {newTab}
          </Button>
          <Button
            component="a"
            href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(share.landingUrl)}`}
            target="_blank"
            rel="noopener noreferrer"
            color="indigo"
          >
            {t("portal.materials.share.linkedin")}
            {newTab}
          </Button>
          <Button
            component="a"
            href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`}
            variant="default"
          >
            {t("portal.materials.share.email")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
