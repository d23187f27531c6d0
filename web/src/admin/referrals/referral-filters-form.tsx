import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { reasonsFor, referralStatuses } from "@shared/referral-codes";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProgramSummary, StaffMember } from "../../api/admin-api";
import { FilterActions, knownOrEmpty, useFilterFieldError, useFilterForm } from "../../app/list-kit";
import { reasonLabel } from "../../app/referral-labels";
import { type ReferralFilters, referralSearch, UNASSIGNED } from "./referral-filters";

type ReferralFiltersFormProps = {
  filters: ReferralFilters;
  programs: ProgramSummary[];
  staff: StaffMember[];
  /** The list's last error: a 422 names the filters the server refused. */
  listError: unknown;
  onApply: (filters: ReferralFilters) => void;
};

/** The list's filters; a range whose start is after its end is refused here, beside the end date. */
export function ReferralFiltersForm({
  filters,
  programs,
  staff,
  listError,
  onApply,
}: ReferralFiltersFormProps) {
  const { t } = useTranslation();
  const [isRangeInverted, setIsRangeInverted] = useState(false);
  const toInput = useRef<HTMLInputElement>(null);
  const { draft, set, submit, clear } = useFilterForm({
    filters,
    onApply,
    cleared: ({ sort, order }) => ({ ...referralSearch.defaults, sort, order }),
    check(next) {
      const inverted = Boolean(next.from && next.to && next.from > next.to);
      setIsRangeInverted(inverted);
      if (inverted) toInput.current?.focus();
      return inverted ? null : next;
    },
  });
  const reasons = reasonsFor(draft.status);
  const fieldError = useFilterFieldError(listError);

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
            const status = knownOrEmpty(referralStatuses, event.currentTarget.value);
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
      <FilterActions
        apply={t("admin.referrals.filters.apply")}
        clear={t("admin.referrals.filters.clear")}
        onClear={() => {
          setIsRangeInverted(false);
          clear();
        }}
      />
    </form>
  );
}
