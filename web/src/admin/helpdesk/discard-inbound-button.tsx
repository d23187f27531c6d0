import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../app/api-error-message";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";

type DiscardInboundButtonProps = {
  isPending: boolean;
  error: unknown;
  /** Runs the discard; `done` closes the confirmation. */
  onConfirm: (done: () => void) => void;
};

/** Discarding asks first: the e-mail leaves the quarantine for good (its original stays stored). */
export function DiscardInboundButton({ isPending, error, onConfirm }: DiscardInboundButtonProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const [isOpen, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={trigger}
        variant="default"
        color="red"
        onClick={() => setOpen(true)}
        style={{ alignSelf: "flex-start" }}
      >
        {th("admin.quarantine.discard.button")}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => setOpen(false)}
        onExitTransitionEnd={() => (trigger.current?.isConnected ? trigger.current.focus() : undefined)}
        returnFocus={false}
        title={th("admin.quarantine.discard.confirmTitle")}
      >
        <Stack gap="md">
          <Text size="sm">{th("admin.quarantine.discard.confirm")}</Text>
          {error ? <Alert color="red">{apiErrorMessage(error, t)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {th("admin.quarantine.discard.cancel")}
            </Button>
            <Button color="red" loading={isPending} onClick={() => onConfirm(() => setOpen(false))}>
              {th("admin.quarantine.discard.confirmButton")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
