import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { isApiError } from "../api/api-error";
import { apiErrorMessage } from "./api-error-message";

type SessionGateProps<TSession> = {
  /** `null`: nobody is signed in. */
  session: UseQueryResult<TSession | null, Error>;
  signInPath: string;
  children: (session: TSession) => ReactNode;
};

/**
 * Renders an area only with a session: nobody signed in (or a 401, a session that ended since) goes
 * to the sign-in page, other failures offer a retry.
 */
export function SessionGate<TSession>({ session, signInPath, children }: SessionGateProps<TSession>) {
  const { t } = useTranslation();
  const location = useLocation();

  if (session.data) return children(session.data);
  // A "nobody" remembered from before a sign-in is being checked again: wait for the answer.
  if (session.isPending || (session.data === null && session.isFetching)) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (session.data === null || (isApiError(session.error) && session.error.isUnauthenticated)) {
    return <Navigate to={signInPath} replace state={{ from: location.pathname }} />;
  }
  return (
    <Center h="100vh" p="md">
      <Stack maw={420}>
        <Alert color="red" title={t("common.sessionLoadFailed")}>
          {apiErrorMessage(session.error, t)}
        </Alert>
        <Button onClick={() => void session.refetch()} loading={session.isFetching}>
          {t("common.retry")}
        </Button>
      </Stack>
    </Center>
  );
}
