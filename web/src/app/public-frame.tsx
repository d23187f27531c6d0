import { Box, Container, Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";

/** Frame of the pages seen before signing in: a slim top bar with the language switch, a centered card. */
export function PublicFrame({ brand, children }: { brand: string; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="md" h={60} wrap="nowrap">
        <Text fw={700} size="lg" truncate>
          {brand}
        </Text>
        <LanguageSwitch />
      </Group>
      <Container component="main" size={460} py="xl">
        <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
