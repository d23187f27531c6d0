import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PublicFrame } from "../app/public-frame";
import { type ProgramChoice, useProgramChoice } from "./program-choice";
import { SignInLinkForm } from "./sign-in-link-form";
import { SignInLinkSent } from "./sign-in-link-sent";

// /portal/login?program=SLUG[&error=link_invalid] – a referrer asks for a sign-in link by e-mail.
export function PortalLoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
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
            <ProgramAwareForm choice={choice} onSent={() => setIsSent(true)} />
          </>
        )}
      </Stack>
    </PublicFrame>
  );
}

function ProgramAwareForm({ choice, onSent }: { choice: ProgramChoice; onSent: () => void }) {
  const { t } = useTranslation();
  switch (choice.kind) {
    case "known":
      return <SignInLinkForm programSlug={choice.slug} onSent={onSent} />;
    case "pick":
      return <SignInLinkForm programs={choice.programs} onSent={onSent} />;
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
