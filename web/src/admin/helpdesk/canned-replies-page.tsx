import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { helpdeskKeys } from "../../api/helpdesk-types";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import { PageHeader, PageLink } from "../../app/page-header";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan, useSignedInStaff } from "../admin-session";
import {
  type CannedReply,
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
} from "./helpdesk-api";

const placeholders = [
  "participant.name",
  "participant.firstName",
  "participant.email",
  "ticket.number",
  "ticket.subject",
  "agent.name",
  "agent.firstName",
  "program.name",
];

// /admin/helpdesk/canned-replies – the team's ready answers per program, with placeholders.
export function CannedRepliesPage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { programs, csrfToken } = useSignedInStaff();
  const can = useCan();
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const queryClient = useQueryClient();
  const replies = useQuery({
    queryKey: helpdeskKeys.cannedReplies(programId),
    queryFn: () => listCannedReplies(programId),
    enabled: can("helpdesk.work") && Boolean(programId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin", "helpdesk-canned"] });
  const remove = useMutation({
    mutationFn: (id: string) => deleteCannedReply(id, csrfToken),
    onSuccess: refresh,
  });

  if (!can("helpdesk.work")) return <Alert color="yellow">{th("admin.forbidden")}</Alert>;
  return (
    <Stack gap="lg">
      <PageLink to="/admin/helpdesk">{th("admin.ticket.back")}</PageLink>
      <PageHeader title={th("admin.canned.title")} intro={th("admin.canned.intro")} />
      {programs.length > 1 ? (
        <NativeSelect
          label={th("admin.filters.program")}
          value={programId}
          onChange={(event) => {
            setProgramId(event.currentTarget.value);
            setEditing(null);
          }}
          data={programs.map((program) => ({ value: program.id, label: program.name }))}
          maw={360}
        />
      ) : null}
      <CannedReplyForm
        key={editing?.id ?? "new"}
        programId={programId}
        editing={editing}
        csrfToken={csrfToken}
        onDone={() => {
          setEditing(null);
          void refresh();
        }}
      />
      <Stack gap="sm" component="section" aria-labelledby="canned-list">
        <Title order={2} size="h4" id="canned-list">
          {th("admin.canned.listTitle")}
        </Title>
        {replies.isPending ? (
          <Center role="status" py="md">
            <Loader aria-label={t("common.loading")} />
          </Center>
        ) : replies.isError ? (
          <Alert color="red">{apiErrorMessage(replies.error, t)}</Alert>
        ) : replies.data.length === 0 ? (
          <Text role="status">{th("admin.canned.empty")}</Text>
        ) : (
          replies.data.map((reply) => (
            <Card key={reply.id} withBorder component="article" aria-label={reply.title} padding="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{reply.title}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }} lineClamp={4}>
                    {reply.body}
                  </Text>
                </div>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(reply)}>
                    {th("admin.canned.edit")}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables === reply.id}
                    onClick={() => {
                      if (window.confirm(th("admin.canned.confirmDelete", { title: reply.title })))
                        remove.mutate(reply.id);
                    }}
                  >
                    {th("admin.canned.delete")}
                  </Button>
                </Group>
              </Group>
            </Card>
          ))
        )}
      </Stack>
    </Stack>
  );
}

type CannedReplyFormProps = {
  programId: string;
  editing: CannedReply | null;
  csrfToken: string;
  onDone: () => void;
};

function CannedReplyForm({ programId, editing, csrfToken, onDone }: CannedReplyFormProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const [title, setTitle] = useState(editing?.title ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [savedTitle, setSavedTitle] = useState("");
  const save = useMutation({
    mutationFn: () =>
      editing
        ? updateCannedReply(editing.id, { title, body }, csrfToken)
        : createCannedReply({ programId, title, body }, csrfToken),
    onSuccess: (reply) => {
      setSavedTitle(reply.title);
      setTitle("");
      setBody("");
      onDone();
    },
  });
  const serverMessage = (field: string) =>
    isApiError(save.error) && hasFieldError(save.error, field)
      ? save.error.fields[field]?.join(" ")
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedTitle("");
    save.mutate();
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="canned-form">
      <Title order={2} size="h4" id="canned-form" mb="sm">
        {editing ? th("admin.canned.editTitle", { title: editing.title }) : th("admin.canned.new")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={th("admin.canned.titleLabel")}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            error={serverMessage("title")}
            errorProps={{ role: "alert" }}
          />
          <Textarea
            label={th("admin.canned.body")}
            description={
              <>
                {th("admin.canned.placeholders")}{" "}
                {placeholders.map((name) => (
                  <Code key={name} mr={4}>{`{{${name}}}`}</Code>
                ))}
              </>
            }
            autosize
            minRows={4}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            required
            error={serverMessage("body")}
            errorProps={{ role: "alert" }}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {th("admin.canned.save")}
            </Button>
            {editing ? (
              <Button variant="default" onClick={onDone}>
                {t("common.cancel")}
              </Button>
            ) : null}
          </Group>
          <div role="status">
            {savedTitle ? (
              <Text size="sm" c="green.8">
                {th("admin.canned.saved", { title: savedTitle })}
              </Text>
            ) : null}
            {save.isError && !serverMessage("title") && !serverMessage("body") ? (
              <Text size="sm" c="red.8" role="alert">
                {apiErrorMessage(save.error, t)}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Card>
  );
}
