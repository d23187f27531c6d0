import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { hasFieldError } from "../../app/api-error-message";
import { todayIsoDate } from "../../app/formatting";
import { CnpjListInput } from "./cnpj-list-input";
import { referralWriteErrorMessage } from "./referral-mutations";
import type { SaleRequest } from "./referrals-api";

type SaleFormProps = {
  referralCnpj: string | null;
  isPending: boolean;
  error: unknown;
  onSubmit: (sale: SaleRequest) => void;
  onCancel: () => void;
};

type Problems = { cnpjs: (string | undefined)[]; closedAt?: string };

const cnpjLength = 14;

/** Confirms the sale: the CNPJs in the deal (one reward however many), whether it is an upgrade, the closing date. */
export function SaleForm({ referralCnpj, isPending, error, onSubmit, onCancel }: SaleFormProps) {
  const { t } = useTranslation();
  const [cnpjs, setCnpjs] = useState([referralCnpj ? formatCnpj(referralCnpj) : ""]);
  const [isUpgrade, setIsUpgrade] = useState(false);
  const [closedAt, setClosedAt] = useState(todayIsoDate);
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problems>({ cnpjs: [] });
  const form = useRef<HTMLFormElement>(null);

  // A refused field takes the focus, whether the browser or the server refused it.
  useEffect(() => {
    if (isApiError(error) && error.status === 422) focusFirstInvalid(form.current);
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Problems = {
      cnpjs: cnpjs.map((cnpj) => {
        const bare = cnpj.replace(/[^0-9A-Za-z]/g, "");
        if (!bare) return t("admin.referral.saleForm.cnpjRequired");
        return bare.length === cnpjLength ? undefined : t("admin.referral.saleForm.cnpjLength");
      }),
      closedAt: closedAt ? undefined : t("admin.referral.saleForm.closedAtRequired"),
    };
    setProblems(found);
    if (found.closedAt || found.cnpjs.some(Boolean)) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    onSubmit({
      cnpjs: cnpjs.map((cnpj) => cnpj.replace(/[^0-9A-Za-z]/g, "").toUpperCase()),
      isUpgrade,
      closedAt,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  const serverField = (field: string) =>
    hasFieldError(error, field) ? t("validation.fieldInvalid") : undefined;
  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("admin.referral.saleForm.explain")}</Text>
        {error && !isFieldError ? <Alert color="red">{referralWriteErrorMessage(error, t)}</Alert> : null}
        <CnpjListInput
          values={cnpjs}
          onChange={setCnpjs}
          errors={cnpjs.map((_, index) => problems.cnpjs[index] ?? serverField(`cnpjs.${index}`))}
          listError={serverField("cnpjs")}
        />
        <Checkbox
          label={t("admin.referral.saleForm.isUpgrade")}
          description={t("admin.referral.saleForm.isUpgradeHint")}
          checked={isUpgrade}
          onChange={(event) => setIsUpgrade(event.currentTarget.checked)}
        />
        <TextInput
          type="date"
          label={t("admin.referral.saleForm.closedAt")}
          value={closedAt}
          max={todayIsoDate()}
          onChange={(event) => setClosedAt(event.currentTarget.value)}
          error={problems.closedAt ?? serverField("closedAt")}
          errorProps={{ role: "alert" }}
          withAsterisk
        />
        <Textarea
          label={t("admin.referral.move.note")}
          description={t("admin.referral.move.noteHint")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={serverField("note")}
          errorProps={{ role: "alert" }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending} color="green">
            {t("admin.referral.saleForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
