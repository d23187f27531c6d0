import { Alert, Button, Card, Group, List, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { rememberCsrfToken } from "../../api/api-client";
import { apiErrorMessage } from "../../app/api-error-message";
import { useDialogFocus } from "../../app/dialog-focus";
import { useSignedInReferrer } from "../portal-session";
import { leaveProgram } from "./portal-profile-api";

/** "Sair do programa": what leaving means, said before it happens, and a confirmation that defaults to staying. */
export function LeaveProgram() {
  const { t } = useTranslation();
  const { program, csrfToken } = useSignedInReferrer();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const focus = useDialogFocus();
  const [isOpen, setIsOpen] = useState(false);
  const leave = useMutation({
    mutationFn: () => leaveProgram(csrfToken),
    onSuccess: async () => {
      rememberCsrfToken(undefined);
      // Leave the portal first: dropping the session while on it would bounce to the sign-in page.
      await navigate(`/portal/goodbye?program=${encodeURIComponent(program.slug)}`, { replace: true });
      queryClient.removeQueries({ queryKey: ["portal"] });
    },
  });
  const consequences = ["history", "emails", "tickets", "signedOut"] as const;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="leave-heading">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3" id="leave-heading">
          {t("portal.profile.leave.title")}
        </Title>
        <Text size="sm">{t("portal.profile.leave.intro")}</Text>
        <Button
          color="red"
          variant="outline"
          onClick={(event) => {
            leave.reset();
            focus.opened(event.currentTarget);
            setIsOpen(true);
          }}
        >
          {t("portal.profile.leave.button")}
        </Button>
      </Stack>
      <Modal
        opened={isOpen}
        onClose={() => setIsOpen(false)}
        onExitTransitionEnd={focus.restore}
        returnFocus={false}
        title={t("portal.profile.leave.confirmTitle")}
        size="lg"
      >
        <Stack>
          <Text>{t("portal.profile.leave.confirmIntro", { program: program.name })}</Text>
          <List spacing="xs" size="sm">
            {consequences.map((consequence) => (
              <List.Item key={consequence}>{t(`portal.profile.leave.consequences.${consequence}`)}</List.Item>
            ))}
          </List>
          {leave.isError ? <Alert color="red">{apiErrorMessage(leave.error, t)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => setIsOpen(false)}
              disabled={leave.isPending}
              data-autofocus
            >
              {t("portal.profile.leave.stay")}
            </Button>
            <Button color="red" onClick={() => leave.mutate()} loading={leave.isPending}>
              {t("portal.profile.leave.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
