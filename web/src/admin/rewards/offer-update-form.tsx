import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import type { AdminOffer } from "../../api/reward-types";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import { useLocalizedText } from "../../app/localized-text";
import type { OfferUpdate } from "./fulfilment-api";

export type OfferAction = "deliver" | "delay";

type OfferUpdateFormProps = {
  offer: AdminOffer;
  action: OfferAction;
  isPending: boolean;
  error: unknown;
  onSubmit: (update: OfferUpdate) => void;
  onCancel: () => void;
};

/** Delivery: an optional voucher code or tracking reference. Delay: a note, required, that the referrer reads. */
export function OfferUpdateForm({
  offer,
  action,
  isPending,
  error,
  onSubmit,
  onCancel,
}: OfferUpdateFormProps) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const [reference, setReference] = useState(offer.deliveryReference ?? "");
  const [note, setNote] = useState(offer.delayNote ?? "");
  const [isNoteMissing, setIsNoteMissing] = useState(false);
  const noteInput = useRef<HTMLTextAreaElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (action === "deliver") {
      onSubmit({ status: "delivered", ...(reference.trim() ? { deliveryReference: reference.trim() } : {}) });
      return;
    }
    setIsNoteMissing(!note.trim());
    if (!note.trim()) {
      noteInput.current?.focus();
      return;
    }
    onSubmit({ status: "delayed", delayNote: note.trim() });
  }

  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;
  const item = offer.item ? localized(offer.item.name) : t("admin.fulfilment.notChosen");

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t(`admin.fulfilment.${action}Form.explain`, { item, name: offer.participant.name })}
        </Text>
        {error && !isFieldError ? <Alert color="red">{offerUpdateErrorMessage(error, t)}</Alert> : null}
        {action === "deliver" ? (
          <TextInput
            label={t("admin.fulfilment.deliverForm.reference")}
            description={t("admin.fulfilment.deliverForm.referenceHint")}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            maxLength={500}
            error={hasFieldError(error, "deliveryReference") ? t("validation.fieldInvalid") : undefined}
            errorProps={{ role: "alert" }}
            data-autofocus
          />
        ) : (
          <Textarea
            ref={noteInput}
            label={t("admin.fulfilment.delayForm.note")}
            description={t("admin.fulfilment.delayForm.noteHint")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={2000}
            error={
              isNoteMissing || hasFieldError(error, "delayNote")
                ? t("admin.fulfilment.delayForm.noteRequired")
                : undefined
            }
            errorProps={{ role: "alert" }}
            withAsterisk
            data-autofocus
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending} color={action === "delay" ? "orange" : undefined}>
            {t(`admin.fulfilment.${action}Form.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function offerUpdateErrorMessage(error: unknown, t: ReturnType<typeof useTranslation>["t"]): string {
  if (isApiError(error) && error.code === "offer_not_chosen")
    return t("admin.fulfilment.errors.offerNotChosen");
  if (isApiError(error) && error.status === 409) return t("admin.fulfilment.errors.conflict");
  return apiErrorMessage(error, t);
}
