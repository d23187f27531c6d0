import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { reasonsFor, referralStatuses } from "@shared/referral-codes";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProgramSummary, StaffMember } from "../../api/admin-api";
import { hasFieldError } from "../../app/api-error-message";
import { reasonLabel } from "../../app/referral-labels";
import { emptyFilters, type ReferralFilters, UNASSIGNED } from "./referral-filters";

type ReferralFiltersFormProps = {
  filters: ReferralFilters;
  programs: ProgramSummary[];
  staff: StaffMember[];
  /** The list's last error: a 422 names the filters the server refused. */
  listError: unknown;
  onApply: (filters: ReferralFilters) => void;
};

/** Applied on submit, not on each change: a keyboard user can go through the fields without reloading the list. */
export function ReferralFiltersForm({
  filters,
  programs,
  staff,
  listError,
  onApply,
}: ReferralFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const [isRangeInverted, setIsRangeInverted] = useState(false);
  const toInput = useRef<HTMLInputElement>(null);
  const reasons = reasonsFor(draft.status);
  const set = (patch: Partial<ReferralFilters>) => setDraft((current) => ({ ...current, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const inverted = Boolean(draft.from && draft.to && draft.from > draft.to);
    setIsRangeInverted(inverted);
    if (inverted) {
      toInput.current?.focus();
      return;
    }
    onApply({ ...draft, q: draft.q.trim() });
  }

  const fieldError = (field: string) =>
    hasFieldError(listError, field) ? t("validation.fieldInvalid") : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label={t("admin.referrals.filters.title")}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={t("admin.referrals.filters.q")}
          placeholder={t("admin.referrals.filters.qPlaceholder")}
          value={draft.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
          error={fieldError("q")}
          errorProps={{ role: "alert" }}
        />
        <NativeSelect
          label={t("admin.referrals.filters.status")}
          value={draft.status}
          onChange={(event) => {
            const status = event.currentTarget.value;
            set({
              status,
              reason: reasonsFor(status).some((r) => r === draft.reason) ? draft.reason : "",
            });
          }}
          data={[
            { value: "", label: t("admin.referrals.filters.anyStatus") },
            ...referralStatuses.map((status) => ({ value: status, label: t(`referral.status.${status}`) })),
          ]}
          error={fieldError("status")}
          errorProps={{ role: "alert" }}
        />
        <NativeSelect
          label={t("admin.referrals.filters.reason")}
          description={reasons.length === 0 ? t("admin.referrals.filters.reasonNeedsStatus") : undefined}
          value={draft.reason}
          disabled={reasons.length === 0}
          onChange={(event) => set({ reason: event.currentTarget.value })}
          data={[
            { value: "", label: t("admin.referrals.filters.anyReason") },
            ...reasons.map((reason) => ({ value: reason, label: reasonLabel(t, reason) })),
          ]}
          error={fieldError("reason")}
          errorProps={{ role: "alert" }}
        />
        <NativeSelect
          label={t("admin.referrals.filters.assignee")}
          value={draft.assigneeId}
          onChange={(event) => set({ assigneeId: event.currentTarget.value })}
          data={[
            { value: "", label: t("admin.referrals.filters.anyAssignee") },
            { value: UNASSIGNED, label: t("admin.referrals.unassigned") },
            ...staff.map((person) => ({ value: person.id, label: person.name })),
            // A person filtered on by URL who is not in the sales list still needs an option to show.
            ...(draft.assigneeId &&
            draft.assigneeId !== UNASSIGNED &&
            !staff.some((p) => p.id === draft.assigneeId)
              ? [{ value: draft.assigneeId, label: t("admin.referrals.filters.otherAssignee") }]
              : []),
          ]}
          error={fieldError("assigneeId")}
          errorProps={{ role: "alert" }}
        />
        {programs.length > 1 ? (
          <NativeSelect
            label={t("admin.referrals.filters.program")}
            value={draft.programId}
            onChange={(event) => set({ programId: event.currentTarget.value })}
            data={[
              { value: "", label: t("admin.referrals.filters.anyProgram") },
              ...programs.map((program) => ({ value: program.id, label: program.name })),
            ]}
            error={fieldError("programId")}
            errorProps={{ role: "alert" }}
          />
        ) : null}
        <TextInput
          type="date"
          label={t("admin.referrals.filters.from")}
          value={draft.from}
          onChange={(event) => set({ from: event.currentTarget.value })}
          error={fieldError("from")}
          errorProps={{ role: "alert" }}
        />
        <TextInput
          ref={toInput}
          type="date"
          label={t("admin.referrals.filters.to")}
          value={draft.to}
          onChange={(event) => set({ to: event.currentTarget.value })}
          error={isRangeInverted ? t("admin.referrals.filters.rangeInverted") : fieldError("to")}
          errorProps={{ role: "alert" }}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit">{t("admin.referrals.filters.apply")}</Button>
        <Button
          variant="default"
          onClick={() => {
            const cleared = { ...emptyFilters, sort: filters.sort, order: filters.order };
            setDraft(cleared);
            setIsRangeInverted(false);
            onApply(cleared);
          }}
        >
          {t("admin.referrals.filters.clear")}
        </Button>
      </Group>
    </form>
  );
}
