import { Alert, Button, Center, Loader, NativeSelect, NumberInput, Stack, Table, Text } from "@mantine/core";
import { ticketPriorities } from "@shared/ticket-codes";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { PageHeader, PageLink } from "../../app/page-header";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan, useSignedInStaff } from "../admin-session";
import {
  getHelpdeskSettings,
  type HelpdeskSettings,
  type SlaTargets,
  saveHelpdeskSettings,
} from "./helpdesk-api";

// /admin/helpdesk/settings – SLA targets per priority for a program (hours; stored in minutes).
export function SlaSettingsPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { programs } = useSignedInStaff();
  const can = useCan();
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const settings = useQuery({
    queryKey: helpdeskKeys.slaSettings(programId),
    queryFn: () => getHelpdeskSettings(programId),
    enabled: can("helpdesk.work") && Boolean(programId),
  });
  if (!can("helpdesk.work")) return <Alert color="yellow">{th("admin.forbidden")}</Alert>;
  return (
    <Stack gap="lg">
      <PageLink to="/admin/helpdesk">{th("admin.ticket.back")}</PageLink>
      <PageHeader title={th("admin.settings.title")} intro={th("admin.settings.intro")} />
      {programs.length > 1 ? (
        <NativeSelect
          label={th("admin.filters.program")}
          value={programId}
          onChange={(event) => setProgramId(event.currentTarget.value)}
          data={programs.map((program) => ({ value: program.id, label: program.name }))}
          maw={360}
        />
      ) : null}
      {settings.isPending ? (
        <Center role="status" py="md">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : settings.isError ? (
        <Alert color="red">{apiErrorMessage(settings.error, t)}</Alert>
      ) : (
        <SlaForm
          key={`${programId}-${settings.data.updatedAt}`}
          settings={settings.data}
          canEdit={can("helpdesk.configure")}
        />
      )}
    </Stack>
  );
}

const toHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function SlaForm({ settings, canEdit }: { settings: HelpdeskSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { csrfToken } = useSignedInStaff();
  const queryClient = useQueryClient();
  const [hours, setHours] = useState(
    () =>
      Object.fromEntries(
        ticketPriorities.map((p) => [
          p,
          {
            first: toHours(settings.slaTargets[p].firstResponseMinutes),
            resolution: toHours(settings.slaTargets[p].resolutionMinutes),
          },
        ]),
      ) as Record<(typeof ticketPriorities)[number], { first: number; resolution: number }>,
  );
  const save = useMutation({
    mutationFn: (targets: SlaTargets) => saveHelpdeskSettings(settings.programId, targets, csrfToken),
    onSuccess: (saved) => queryClient.setQueryData(helpdeskKeys.slaSettings(saved.programId), saved),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const targets = Object.fromEntries(
      ticketPriorities.map((p) => [
        p,
        {
          firstResponseMinutes: Math.round(hours[p].first * 60),
          resolutionMinutes: Math.round(hours[p].resolution * 60),
        },
      ]),
    ) as SlaTargets;
    save.mutate(targets);
  }
  const setHour = (priority: (typeof ticketPriorities)[number], key: "first" | "resolution", value: number) =>
    setHours((current) => ({ ...current, [priority]: { ...current[priority], [key]: value } }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        {settings.isDefault ? <Text size="sm">{th("admin.settings.defaults")}</Text> : null}
        {canEdit ? null : <Alert color="blue">{th("admin.settings.readOnly")}</Alert>}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{th("admin.properties.priority")}</Table.Th>
              <Table.Th scope="col">{th("admin.settings.firstResponse")}</Table.Th>
              <Table.Th scope="col">{th("admin.settings.resolution")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...ticketPriorities].reverse().map((priority) => (
              <Table.Tr key={priority}>
                <Table.Th scope="row">{th(`priority.${priority}`)}</Table.Th>
                {(["first", "resolution"] as const).map((key) => (
                  <Table.Td key={key}>
                    <NumberInput
                      aria-label={`${th(`priority.${priority}`)}: ${th(key === "first" ? "admin.settings.firstResponse" : "admin.settings.resolution")}`}
                      value={hours[priority][key]}
                      onChange={(value) => setHour(priority, key, Number(value) || 0)}
                      min={0.1}
                      max={2160}
                      step={1}
                      decimalScale={2}
                      disabled={!canEdit}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit ? (
          <Button type="submit" loading={save.isPending} w="fit-content">
            {th("admin.settings.save")}
          </Button>
        ) : null}
        <div role="status">
          {save.isSuccess ? (
            <Text size="sm" c="green.8">
              {th("admin.settings.saved")}
            </Text>
          ) : null}
          {save.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {apiErrorMessage(save.error, t)}
            </Text>
          ) : null}
        </div>
      </Stack>
    </form>
  );
}
