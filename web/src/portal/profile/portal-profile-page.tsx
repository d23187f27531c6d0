import { Alert, Button, Center, Loader, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { PageHeader } from "../../app/page-header";
import { chooseLanguage } from "../../i18n/i18n";
import { useSignedInReferrer } from "../portal-session";
import { LeaveProgram } from "./leave-program";
import { getPortalProfile, type ProfileUpdate, updatePortalProfile } from "./portal-profile-api";
import { ProfileForm } from "./profile-form";

// /portal/profile – the referrer's data, language and e-mail preferences; leaving the program.
export function PortalProfilePage() {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSignedInReferrer();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: queryKeys.portalProfile, queryFn: getPortalProfile });
  const [isSaved, setIsSaved] = useState(false);
  const news = useRef<HTMLDivElement>(null);
  const save = useMutation({
    mutationFn: (update: ProfileUpdate) => updatePortalProfile(update, csrfToken),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.portalProfile, saved);
      // The header shows the name, and the area adopts the profile's language from the session.
      void queryClient.invalidateQueries({ queryKey: queryKeys.portalSession });
      // Choosing a language here is choosing it for this page too, like the switch in the header.
      if (saved.locale !== i18n.resolvedLanguage) chooseLanguage(saved.locale);
      setIsSaved(true);
      requestAnimationFrame(() => news.current?.focus());
    },
  });

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t("portal.profile.title")} intro={t("portal.profile.intro")} />
      {isSaved ? (
        <Alert ref={news} tabIndex={-1} role="status" color="green">
          {t("portal.profile.saved")}
        </Alert>
      ) : null}
      {profile.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : profile.isError ? (
        <Alert color="red" title={t("portal.profile.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(profile.error, t)}
            <Button size="xs" variant="default" onClick={() => void profile.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ProfileForm
          profile={profile.data}
          isPending={save.isPending}
          error={save.error}
          onSubmit={(update) => {
            setIsSaved(false);
            save.mutate(update);
          }}
        />
      )}
      <LeaveProgram />
    </Stack>
  );
}
