import { Alert, Stack, Title } from "@mantine/core";

/** A page the session may not use: its title, and why, instead of a list that would answer 403. */
export function ForbiddenNotice({ title, message }: { title: string; message: string }) {
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Alert color="yellow">{message}</Alert>
    </Stack>
  );
}
