import { Button, Card, Modal, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFocusedDialog } from "../../app/dialog-focus";
import { useFormatters } from "../../app/formatting";
import { NewsAlert } from "../../app/news-alert";
import { MoveReferralForm } from "./move-referral-form";
import {
  isReferralConflict,
  referralWriteErrorMessage,
  useMoveReferral,
  useRecordSale,
} from "./referral-mutations";
import type { AdminReferralDetail, AllowedMove, SaleRequest, TransitionRequest } from "./referrals-api";
import { SaleForm } from "./sale-form";

type Feedback = { tone: "success" | "conflict"; message: string };
type ReferralActionsProps = { referral: AdminReferralDetail; csrfToken: string; onConflict: () => void };

/** One button per move the referral allows now; each opens its form in a dialog. */
export function ReferralActions({ referral, csrfToken, onConflict }: ReferralActionsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dialog = useFocusedDialog<AllowedMove>();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const move = useMoveReferral(referral.id, csrfToken);
  const sale = useRecordSale(referral.id, csrfToken);

  function open(allowed: AllowedMove, button: HTMLElement) {
    move.reset();
    sale.reset();
    setFeedback(null);
    dialog.open(allowed, button);
  }
  // After a move the opening button may be gone (the status changed): the news takes the focus then.
  const close = dialog.close;
  function fail(error: Error) {
    // 409: the referral is not what the page showed. Say why, close the form and load it again.
    if (!isReferralConflict(error)) return;
    setFeedback({ tone: "conflict", message: referralWriteErrorMessage(error, t) });
    close("news");
    onConflict();
  }
  function succeed(message: string) {
    setFeedback({ tone: "success", message });
    close("news");
  }
  const submitMove = (request: TransitionRequest) =>
    move.mutate(request, {
      onSuccess: () =>
        succeed(t("admin.referral.actions.moved", { status: t(`referral.status.${request.to}`) })),
      onError: fail,
    });
  const submitSale = (request: SaleRequest) =>
    sale.mutate(request, {
      onSuccess: ({ offer }) =>
        succeed(
          offer
            ? t("admin.referral.actions.saleWithOffer", { month: format.month(offer.dueMonth) })
            : t("admin.referral.actions.saleWithoutOffer"),
        ),
      onError: fail,
    });

  const needsConfirmation =
    referral.contactConfirmationRequired && referral.contactConfirmation?.decision !== "confirmed";
  const current = dialog.value;

  return (
    <Card withBorder component="section" aria-labelledby="actions-heading" padding="lg">
      <Title order={2} size="h4" id="actions-heading" mb="sm">
        {t("admin.referral.actions.title")}
      </Title>
      <Stack gap="sm">
        {feedback ? <NewsAlert news={feedback} newsRef={dialog.newsRef} /> : null}
        {referral.allowedMoves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("admin.referral.actions.final")}
          </Text>
        ) : (
          referral.allowedMoves.map((allowed) => (
            <Button
              key={allowed.to}
              variant={allowed.reasons.length > 0 ? "default" : "filled"}
              color={allowed.to === "sale_confirmed" ? "green" : undefined}
              onClick={(event) => open(allowed, event.currentTarget)}
              fullWidth
            >
              {t(`admin.referral.actions.moveTo.${allowed.to}`)}
            </Button>
          ))
        )}
        {needsConfirmation && referral.allowedMoves.some((allowed) => allowed.to === "qualified") ? (
          <Text size="xs" c="dimmed">
            {t("admin.referral.actions.awaitingConfirmation")}
          </Text>
        ) : null}
      </Stack>
      <Modal
        {...dialog.modalProps}
        title={current ? t(`admin.referral.actions.moveTo.${current.to}`) : ""}
        size="lg"
      >
        {current?.to === "sale_confirmed" ? (
          <SaleForm
            referralCnpj={referral.companyCnpj}
            isPending={sale.isPending}
            error={sale.error}
            onSubmit={submitSale}
            onCancel={() => close("trigger")}
          />
        ) : current ? (
          <MoveReferralForm
            move={current}
            isPending={move.isPending}
            error={move.error}
            onSubmit={submitMove}
            onCancel={() => close("trigger")}
          />
        ) : null}
      </Modal>
    </Card>
  );
}
