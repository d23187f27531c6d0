import { Button, Group, NativeSelect, SimpleGrid, TextInput } from "@mantine/core";
import { ticketChannels, ticketPriorities, ticketSituations } from "@shared/ticket-codes";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasFieldError } from "../../app/api-error-message";
import { useLocalizedText } from "../../app/localized-text";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import type { HelpdeskOptions } from "./helpdesk-api";
import { emptyTicketFilters, type TicketFilters, viewFixesAssignee } from "./helpdesk-filters";

type HelpdeskFiltersFormProps = {
  filters: TicketFilters;
  options: HelpdeskOptions | undefined;
  /** The list's last error: a 422 names the filters the server refused. */
  listError: unknown;
  onApply: (filters: TicketFilters) => void;
};

/** Applied on submit, not on each change: a keyboard user goes through the fields without reloading the list. */
export function HelpdeskFiltersForm({ filters, options, listError, onApply }: HelpdeskFiltersFormProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const localized = useLocalizedText();
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<TicketFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const programs = options?.programs ?? [];
  const reasonPrograms = draft.programId ? programs.filter((p) => p.id === draft.programId) : programs;
  const reasons = [
    ...new Map(
      reasonPrograms.flatMap((p) => p.contactReasons).map((reason) => [reason.code, reason] as const),
    ).values(),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  }
  const fieldError = (field: string) =>
    hasFieldError(listError, field) ? t("validation.fieldInvalid") : undefined;
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
          onChange={(event) => set({ situation: event.currentTarget.value })}
          data={[
            any(th("admin.filters.anySituation")),
            ...ticketSituations.map((s) => ({ value: s, label: th(`situation.${s}`) })),
          ]}
        />
        <NativeSelect
          label={th("admin.filters.priority")}
          value={draft.priority}
          onChange={(event) => set({ priority: event.currentTarget.value })}
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
          onChange={(event) => set({ channel: event.currentTarget.value })}
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
      <Group mt="sm" gap="sm">
        <Button type="submit">{th("admin.filters.apply")}</Button>
        <Button
          variant="default"
          onClick={() => {
            const cleared = {
              ...emptyTicketFilters,
              view: filters.view,
              sort: filters.sort,
              order: filters.order,
            };
            setDraft(cleared);
            onApply(cleared);
          }}
        >
          {th("admin.filters.clear")}
        </Button>
      </Group>
    </form>
  );
}
