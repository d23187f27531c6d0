import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { hasFieldError } from "../../app/api-error-message";
import { reasonLabel } from "../../app/referral-labels";
import { referralWriteErrorMessage } from "./referral-mutations";
import type { AllowedMove, TransitionRequest } from "./referrals-api";

type MoveReferralFormProps = {
  move: AllowedMove;
  isPending: boolean;
  /** The last failed attempt; field errors (422) are shown beside their fields. */
  error: unknown;
  onSubmit: (move: TransitionRequest) => void;
  onCancel: () => void;
};

/** A reason from the move's own list when it needs one (not qualified, not advanced), and an optional note. */
export function MoveReferralForm({ move, isPending, error, onSubmit, onCancel }: MoveReferralFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [isReasonMissing, setIsReasonMissing] = useState(false);
  const reasonSelect = useRef<HTMLSelectElement>(null);
  const needsReason = move.reasons.length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = needsReason && !reason;
    setIsReasonMissing(missing);
    if (missing) {
      reasonSelect.current?.focus();
      return;
    }
    onSubmit({
      to: move.to,
      ...(needsReason ? { reason } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;
  const reasonError = isReasonMissing
    ? t("admin.referral.move.reasonRequired")
    : hasFieldError(error, "reason") && t("admin.referral.move.reasonInvalid");

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("admin.referral.move.explain", { status: t(`referral.status.${move.to}`) })}</Text>
        {error && !isFieldError ? <Alert color="red">{referralWriteErrorMessage(error, t)}</Alert> : null}
        {needsReason ? (
          <NativeSelect
            ref={reasonSelect}
            label={t("admin.referral.move.reason")}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data={[
              { value: "", label: t("admin.referral.move.reasonPlaceholder"), disabled: true },
              ...move.reasons.map((code) => ({ value: code, label: reasonLabel(t, code) })),
            ]}
            error={reasonError || undefined}
            errorProps={{ role: "alert" }}
            withAsterisk
            data-autofocus
          />
        ) : null}
        <Textarea
          label={t("admin.referral.move.note")}
          description={t("admin.referral.move.noteHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={2000}
          error={hasFieldError(error, "note") ? t("validation.fieldInvalid") : undefined}
          errorProps={{ role: "alert" }}
          data-autofocus={needsReason ? undefined : true}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending}>
            {t("admin.referral.move.confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
