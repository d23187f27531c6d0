import { NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { ticketChannels, ticketPriorities, ticketSituations } from "@shared/ticket-codes";
import { FilterActions, knownOrEmpty, useFilterFieldError, useFilterForm } from "../../app/list-kit";
import { useLocalizedText } from "../../app/localized-text";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { HelpdeskOptions } from "./helpdesk-api";
import { type TicketFilters, ticketSearch, viewFixesAssignee } from "./helpdesk-filters";

type HelpdeskFiltersFormProps = {
  filters: TicketFilters;
  options: HelpdeskOptions | undefined;
  /** The list's last error: a 422 names the filters the server refused. */
  listError: unknown;
  onApply: (filters: TicketFilters) => void;
};

/** The list's filters; the view, sort and order are kept when they are cleared. */
export function HelpdeskFiltersForm({ filters, options, listError, onApply }: HelpdeskFiltersFormProps) {
  const { th } = useHelpdeskTranslation();
  const localized = useLocalizedText();
  const { draft, set, submit, clear } = useFilterForm({
    filters,
    onApply,
    cleared: ({ view, sort, order }) => ({ ...ticketSearch.defaults, view, sort, order }),
  });
  const programs = options?.programs ?? [];
  const reasonPrograms = draft.programId ? programs.filter((p) => p.id === draft.programId) : programs;
  const reasons = [
    ...new Map(
      reasonPrograms.flatMap((p) => p.contactReasons).map((reason) => [reason.code, reason] as const),
    ).values(),
  ];

  const fieldError = useFilterFieldError(listError);
  const any = (label: string) => ({ value: "", label });

  return (
    <form onSubmit={submit} noValidate aria-label={th("admin.filters.title")}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          type="search"
          label={th("admin.filters.q")}
          placeholder={th("admin.filters.qPlaceholder")}
          value={draft.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
          error={fieldError("q")}
          errorProps={{ role: "alert" }}
        />
        <NativeSelect
          label={th("admin.filters.situation")}
          value={draft.situation}
          onChange={(event) => set({ situation: knownOrEmpty(ticketSituations, event.currentTarget.value) })}
          data={[
            any(th("admin.filters.anySituation")),
            ...ticketSituations.map((s) => ({ value: s, label: th(`situation.${s}`) })),
          ]}
        />
        <NativeSelect
          label={th("admin.filters.priority")}
          value={draft.priority}
          onChange={(event) => set({ priority: knownOrEmpty(ticketPriorities, event.currentTarget.value) })}
          data={[
            any(th("admin.filters.anyPriority")),
            ...[...ticketPriorities].reverse().map((p) => ({ value: p, label: th(`priority.${p}`) })),
          ]}
        />
        <NativeSelect
          label={th("admin.filters.contactReason")}
          value={draft.contactReason}
          onChange={(event) => set({ contactReason: event.currentTarget.value })}
          data={[
            any(th("admin.filters.anyContactReason")),
            ...reasons.map((reason) => ({ value: reason.code, label: localized(reason.label) })),
          ]}
        />
        {viewFixesAssignee(draft.view) ? null : (
          <NativeSelect
            label={th("admin.filters.assignee")}
            value={draft.assigneeId}
            onChange={(event) => set({ assigneeId: event.currentTarget.value })}
            data={[
              any(th("admin.filters.anyAssignee")),
              { value: "me", label: th("admin.filters.me") },
              { value: "none", label: th("admin.unassigned") },
              ...(options?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.name })),
            ]}
            error={fieldError("assigneeId")}
            errorProps={{ role: "alert" }}
          />
        )}
        <NativeSelect
          label={th("admin.filters.channel")}
          value={draft.channel}
          onChange={(event) => set({ channel: knownOrEmpty(ticketChannels, event.currentTarget.value) })}
          data={[
            any(th("admin.filters.anyChannel")),
            ...ticketChannels.map((channel) => ({ value: channel, label: th(`channel.${channel}`) })),
          ]}
        />
        {programs.length > 1 ? (
          <NativeSelect
            label={th("admin.filters.program")}
            value={draft.programId}
            onChange={(event) => set({ programId: event.currentTarget.value, contactReason: "" })}
            data={[
              any(th("admin.filters.anyProgram")),
              ...programs.map((program) => ({ value: program.id, label: program.name })),
            ]}
          />
        ) : null}
      </SimpleGrid>
      <FilterActions apply={th("admin.filters.apply")} clear={th("admin.filters.clear")} onClear={clear} />
    </form>
  );
}
