import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useSignedInStaff } from "../admin-session";
import { ProgramSelect } from "../rewards/program-select";
import type { InboundEmail } from "./inbound-api";

type NewContactFormProps = {
  email: InboundEmail;
  isPending: boolean;
  error: unknown;
  onOpen: (choice: { programId: string; name: string }) => void;
};

/** The name a contact starts with: the e-mail's From name, else the address's local part. */
function suggestedName(email: InboundEmail): string {
  return email.fromName?.trim() || (email.fromAddress ?? "").split("@")[0] || "";
}

/**
 * For someone who is not a referrer (a prospect asking how to take part): they become a contact of the
 * chosen program, and the e-mail opens their ticket, answered by e-mail like any other.
 */
export function NewContactForm({ email, isPending, error, onOpen }: NewContactFormProps) {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { programs } = useSignedInStaff();
  const headingId = useId();
  const [name, setName] = useState(suggestedName(email));
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const [isMissingName, setMissingName] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setMissingName(true);
    setMissingName(false);
    onOpen({ programId, name: name.trim() });
  }

  const nameError =
    isMissingName || hasFieldError(error, "name") ? th("admin.quarantine.contact.nameRequired") : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {th("admin.quarantine.contact.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {th("admin.quarantine.contact.intro", { address: email.fromAddress ?? "" })}
        </Text>
        <TextInput
          label={th("admin.quarantine.contact.name")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          required
          maw={360}
        />
        <ProgramSelect programs={programs} value={programId} onChange={setProgramId} />
        <Text size="xs" c="dimmed">
          {th("admin.quarantine.contact.basis")}
        </Text>
        {error && !hasFieldError(error, "name") ? (
          <Alert color="red">{apiErrorMessage(error, t)}</Alert>
        ) : null}
        <Button type="submit" loading={isPending} style={{ alignSelf: "flex-start" }}>
          {th("admin.quarantine.contact.submit")}
        </Button>
      </Stack>
    </form>
  );
}
