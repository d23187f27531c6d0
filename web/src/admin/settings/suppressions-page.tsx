import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusedDialog } from "../../app/dialog-focus";
import {
  describeSearch,
  FilterActions,
  ForbiddenNotice,
  ListSection,
  textParam,
  useFilterForm,
  useKeysetList,
} from "../../app/list-kit";
import { NewsAlert } from "../../app/news-alert";
import { PageHeader } from "../../app/page-header";
import { useCan, useSignedInStaff } from "../admin-session";
import { liftSuppression, listSuppressions, type Suppression, suppressionKeys } from "./suppressions-api";
import { SuppressionsTable } from "./suppressions-table";

const suppressionsSearch = describeSearch({ email: textParam() });

// /admin/settings/suppressions[?email=] – addresses the programs no longer write to, and lifting one.
export function SuppressionsPage() {
  const { t } = useTranslation();
  const { csrfToken } = useSignedInStaff();
  const isAllowed = useCan()("suppressions.manage");
  const list = useKeysetList({
    search: suppressionsSearch,
    queryKey: ({ email }) => suppressionKeys.list(email),
    fetchPage: ({ email }, cursor) => listSuppressions(email, cursor),
    enabled: isAllowed,
  });
  const form = useFilterForm({
    filters: list.filters,
    onApply: list.apply,
    cleared: () => suppressionsSearch.defaults,
  });
  const queryClient = useQueryClient();
  const dialog = useFocusedDialog<Suppression>();
  const [news, setNews] = useState<string | null>(null);
  const lift = useMutation({
    mutationFn: (suppression: Suppression) => liftSuppression(suppression.id, csrfToken),
    onSuccess: (_nothing, suppression) => {
      void queryClient.invalidateQueries({ queryKey: suppressionKeys.all });
      setNews(t("admin.suppressions.lifted", { email: suppression.email }));
      dialog.close("news");
    },
  });

  if (!isAllowed) {
    return (
      <ForbiddenNotice title={t("admin.suppressions.title")} message={t("admin.suppressions.forbidden")} />
    );
  }
  const lifting = dialog.value;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("admin.suppressions.title")}
        intro={t("admin.suppressions.intro")}
        introWidth={760}
      />
      <form onSubmit={form.submit} aria-label={t("admin.suppressions.searchLabel")}>
        <TextInput
          label={t("admin.suppressions.email")}
          value={form.draft.email}
          onChange={(event) => form.set({ email: event.currentTarget.value })}
          maw={420}
        />
        <FilterActions
          apply={t("admin.suppressions.search")}
          clear={t("admin.suppressions.clear")}
          onClear={form.clear}
        />
      </form>
      {news ? <NewsAlert news={{ tone: "success", message: news }} newsRef={dialog.newsRef} /> : null}
      <ListSection
        list={list.state}
        isNarrowed={suppressionsSearch.isNarrowed(list.filters)}
        texts={{
          loadFailed: t("admin.suppressions.loadFailed"),
          empty: t("admin.suppressions.empty"),
          emptyFiltered: t("admin.suppressions.emptyFiltered"),
          shown: t("admin.suppressions.shown", { count: list.state.items.length }),
        }}
      >
        {(rows) => (
          <SuppressionsTable
            suppressions={rows}
            onLift={(suppression, button) => {
              lift.reset();
              setNews(null);
              dialog.open(suppression, button);
            }}
          />
        )}
      </ListSection>
      <Modal {...dialog.modalProps} title={t("admin.suppressions.liftTitle")}>
        <Stack gap="md">
          <Text size="sm">{t("admin.suppressions.liftBody", { email: lifting?.email ?? "" })}</Text>
          {lift.isError ? <Alert color="red">{apiErrorMessage(lift.error, t)}</Alert> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => dialog.close("trigger")}>
              {t("admin.suppressions.cancel")}
            </Button>
            <Button loading={lift.isPending} onClick={() => lifting && lift.mutate(lifting)}>
              {t("admin.suppressions.liftConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
