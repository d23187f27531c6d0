import { Alert, Anchor, Button, Center, Loader, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { useDialogFocus } from "../../app/dialog-focus";
import { PageLink } from "../../app/page-header";
import { useSignedInReferrer } from "../portal-session";
import { getPortalProfile } from "../profile/portal-profile-api";
import { getProgramForReferral, type ReferralSubmission, submitReferral } from "./refer-api";
import { draftFor } from "./referral-draft";
import { ReferralForm } from "./referral-form";

type Sent = { id: string; companyName: string };

/**
 * "Indicar empresa": a button that opens the referral form in a dialog, pre-filled with the referrer's data.
 * After sending, the dialog closes onto a confirmation, and the lists of referrals reload with the new one.
 */
export function ReferCompany() {
  const { t } = useTranslation();
  const { program } = useSignedInReferrer();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const isSmallScreen = useMediaQuery("(max-width: 48em)");
  const focus = useDialogFocus();
  const [dialog, setDialog] = useState<"open" | "closing" | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const send = useMutation({
    mutationFn: (submission: ReferralSubmission) => submitReferral(program.slug, submission),
    onSuccess: ({ id }, submission) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.portalReferrals });
      setSent({ id, companyName: submission.companyName });
      close("news");
    },
  });

  function close(to: "trigger" | "news") {
    focus.closing(to);
    setDialog((current) => (current ? "closing" : null));
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Button
        size="md"
        onClick={(event) => {
          send.reset();
          setSent(null);
          focus.opened(event.currentTarget);
          setDialog("open");
        }}
      >
        {t("portal.refer.button")}
      </Button>
      {sent ? (
        <Alert
          ref={focus.newsRef}
          tabIndex={-1}
          role="status"
          color="green"
          title={t("portal.refer.sentTitle")}
          w="100%"
        >
          <Text size="sm">{t("portal.refer.sentBody", { company: sent.companyName })}</Text>
          <Anchor component={Link} to={`/portal/referrals/${sent.id}`} size="sm">
            {t("portal.refer.follow")}
          </Anchor>
          {pathname === "/portal/referrals" ? null : (
            <>
              {" · "}
              <PageLink to="/portal/referrals">{t("portal.refer.seeAll")}</PageLink>
            </>
          )}
        </Alert>
      ) : null}
      <Modal
        opened={dialog === "open"}
        onClose={() => close("trigger")}
        onExitTransitionEnd={() => {
          focus.restore();
          setDialog(null);
        }}
        returnFocus={false}
        // A long form: a stray click outside must not throw away what was typed.
        closeOnClickOutside={false}
        title={t("portal.refer.title", { program: program.name })}
        size="xl"
        fullScreen={isSmallScreen}
      >
        {dialog ? (
          <ReferralFormLoader
            programSlug={program.slug}
            isPending={send.isPending}
            error={send.error}
            onSubmit={(submission) => send.mutate(submission)}
            onCancel={() => close("trigger")}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

type LoaderProps = {
  programSlug: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (submission: ReferralSubmission) => void;
  onCancel: () => void;
};

/** The form needs the referrer's profile (to fill in their part) and the program's age and terms. */
function ReferralFormLoader({ programSlug, isPending, error, onSubmit, onCancel }: LoaderProps) {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: queryKeys.portalProfile, queryFn: getPortalProfile });
  const program = useQuery({
    queryKey: queryKeys.publicProgram(programSlug),
    queryFn: () => getProgramForReferral(programSlug),
  });

  if (profile.isPending || program.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (profile.isError || program.isError) {
    return (
      <Alert color="red" title={t("portal.refer.loadFailed")}>
        <Stack gap="xs" align="flex-start">
          {apiErrorMessage(profile.error ?? program.error, t)}
          <Button
            size="xs"
            variant="default"
            onClick={() => void Promise.all([profile.refetch(), program.refetch()])}
            data-autofocus
          >
            {t("common.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!program.data.isRunning) return <Alert color="gray">{t("portal.refer.closed")}</Alert>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("portal.refer.intro")}
      </Text>
      {error && !hasFieldErrors(error) ? <Alert color="red">{submitErrorMessage(error, t)}</Alert> : null}
      <ReferralForm
        initial={draftFor(profile.data)}
        program={program.data}
        isPending={isPending}
        error={error}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </Stack>
  );
}

function hasFieldErrors(error: unknown): boolean {
  return isApiError(error) && Object.keys(error.fields).length > 0;
}

function submitErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code === "daily_limit_reached") return t("portal.refer.dailyLimit");
  if (isApiError(error) && error.code === "program_not_running") return t("portal.refer.closed");
  return apiErrorMessage(error, t);
}
