import { Button, Container, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/** Replaces React Router's developer screen when a page throws while rendering. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  return (
    <Container component="main" size="sm" py={60}>
      <Stack gap="sm" align="flex-start">
        <Title order={1}>{t("routeError.title")}</Title>
        <Text>{t("routeError.body")}</Text>
        <Button onClick={() => window.location.reload()}>{t("routeError.reload")}</Button>
      </Stack>
    </Container>
  );
}
