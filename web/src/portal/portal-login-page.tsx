import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { PublicFrame } from "../app/public-frame";
import { type ProgramChoice, useProgramChoice } from "./program-choice";
import { SignInLinkForm } from "./sign-in-link-form";
import { SignInLinkSent } from "./sign-in-link-sent";

/**
 * The portal page a referrer was sent to before signing in (SessionGate passes it as `state.from`), so
 * the link opens it; the portal's home and the sign-in pages themselves need no return.
 */
function returnPathFrom(state: unknown): string | undefined {
  if (typeof state !== "object" || state === null || !("from" in state) || typeof state.from !== "string") {
    return undefined;
  }
  const from = state.from;
  const isPortalPage = /^\/portal\/[A-Za-z0-9._~/-]+$/.test(from) && !/^\/portal\/(auth|login)/.test(from);
  return isPortalPage && !from.includes("//") && !from.includes("..") ? from : undefined;
}

// /portal/login?program=SLUG[&error=link_invalid] – a referrer asks for a sign-in link by e-mail.
export function PortalLoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = returnPathFrom(useLocation().state);
  const choice = useProgramChoice(searchParams.get("program"));
  const [isSent, setIsSent] = useState(false);
  const programName = choice.kind === "known" ? choice.name : undefined;
  const isLinkInvalid = searchParams.get("error") === "link_invalid";

  return (
    <PublicFrame brand={programName ?? t("common.productName")}>
      <Stack>
        <Title order={1} size="h2">
          {t("portal.login.title")}
        </Title>
        {isSent ? (
          <SignInLinkSent onAskAgain={() => setIsSent(false)} />
        ) : (
          <>
            {isLinkInvalid ? (
              <Alert color="orange" title={t("portal.login.linkInvalidTitle")}>
                {t("portal.login.linkInvalid")}
              </Alert>
            ) : null}
            <Text c="dimmed" size="sm">
              {t("portal.login.intro")}
            </Text>
            <ProgramAwareForm choice={choice} next={next} onSent={() => setIsSent(true)} />
          </>
        )}
      </Stack>
    </PublicFrame>
  );
}

type ProgramAwareFormProps = { choice: ProgramChoice; next?: string; onSent: () => void };

function ProgramAwareForm({ choice, next, onSent }: ProgramAwareFormProps) {
  const { t } = useTranslation();
  switch (choice.kind) {
    case "known":
      return <SignInLinkForm programSlug={choice.slug} next={next} onSent={onSent} />;
    case "pick":
      return <SignInLinkForm programs={choice.programs} next={next} onSent={onSent} />;
    case "loading":
      return (
        <Center role="status">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      );
    case "failed":
      return (
        <Stack>
          <Alert color="red">{t("portal.login.programsLoadFailed")}</Alert>
          <Button variant="default" onClick={choice.retry}>
            {t("common.retry")}
          </Button>
        </Stack>
      );
    case "none":
      return (
        <Alert color="gray" role="status">
          {t("portal.login.noPrograms")}
        </Alert>
      );
  }
}
