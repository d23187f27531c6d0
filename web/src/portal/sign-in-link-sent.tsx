import { Alert, Button, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** The same words whether or not the address is known: the page must not reveal who takes part. */
export function SignInLinkSent({ onAskAgain }: { onAskAgain: () => void }) {
  const { t } = useTranslation();
  const message = useRef<HTMLDivElement>(null);

  // The form this replaces held the focus; move it to the news so keyboard and screen reader users get it.
  useEffect(() => message.current?.focus(), []);

  return (
    <Stack>
      <Alert ref={message} tabIndex={-1} role="status" color="green" title={t("portal.login.sentTitle")}>
        <Text size="sm">{t("portal.login.sent")}</Text>
        <Text size="sm" mt="xs" c="dimmed">
          {t("portal.login.sentHint")}
        </Text>
      </Alert>
      <Button variant="subtle" onClick={onAskAgain}>
        {t("portal.login.useAnotherEmail")}
      </Button>
    </Stack>
  );
}
