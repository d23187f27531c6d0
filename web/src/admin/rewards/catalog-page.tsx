import { Alert, Button, Modal, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusedDialog } from "../../app/dialog-focus";
import { ForbiddenNotice, ListSection, wholeListState } from "../../app/list-kit";
import { useLocalizedText } from "../../app/localized-text";
import { NewsAlert } from "../../app/news-alert";
import { PageHeader } from "../../app/page-header";
import { useCan, useSignedInStaff } from "../admin-session";
import {
  type CatalogItem,
  type CatalogItemFields,
  createCatalogItem,
  listCatalog,
  updateCatalogItem,
} from "./catalog-api";
import { CatalogItemForm } from "./catalog-item-form";
import { CatalogTable } from "./catalog-table";
import { ProgramSelect, useChosenProgram } from "./program-select";

// /admin/rewards/catalog[?program=ID] – the rewards referrers choose from after a sale.
export function CatalogPage() {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const { programs, csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("rewards.manage");
  const { program, choose } = useChosenProgram(programs);
  const programId = program?.id ?? "";
  const queryClient = useQueryClient();
  const catalogKey = queryKeys.rewardCatalog(programId);
  const catalog = useQuery({
    queryKey: catalogKey,
    queryFn: () => listCatalog(programId),
    enabled: isAllowed && Boolean(programId),
  });
  // The item being edited; null inside means a new one.
  const editing = useFocusedDialog<{ item: CatalogItem | null }>();
  const [news, setNews] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: catalogKey });
  const save = useMutation({
    mutationFn: ({ item, fields }: { item: CatalogItem | null; fields: CatalogItemFields }) =>
      item ? updateCatalogItem(item.id, fields, csrfToken) : createCatalogItem(programId, fields, csrfToken),
    onSuccess: (saved, { item }) => {
      void refresh();
      setNews(t(item ? "admin.catalog.saved" : "admin.catalog.created", { name: localized(saved.name) }));
      editing.close("news");
    },
  });
  const toggle = useMutation({
    mutationFn: (item: CatalogItem) => updateCatalogItem(item.id, { isActive: !item.isActive }, csrfToken),
    onSuccess: (saved) => {
      void refresh();
      setNews(
        t(saved.isActive ? "admin.catalog.reactivated" : "admin.catalog.retired", {
          name: localized(saved.name),
        }),
      );
    },
  });

  function open(item: CatalogItem | null, button: HTMLElement) {
    save.reset();
    setNews(null);
    editing.open({ item }, button);
  }

  if (!isAllowed || !program) {
    const message = isAllowed ? t("admin.home.noPrograms") : t("admin.catalog.forbidden");
    return <ForbiddenNotice title={t("admin.catalog.title")} message={message} />;
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("admin.catalog.title")}
        intro={t("admin.catalog.intro")}
        introWidth={760}
        actions={
          <Button onClick={(event) => open(null, event.currentTarget)}>{t("admin.catalog.create")}</Button>
        }
      />
      <ProgramSelect programs={programs} value={program.id} onChange={choose} />
      {/* Focused after a dialog closes, so keyboard users land on the outcome; read out either way. */}
      {news ? <NewsAlert news={{ tone: "success", message: news }} newsRef={editing.newsRef} /> : null}
      {toggle.isError ? <Alert color="red">{apiErrorMessage(toggle.error, t)}</Alert> : null}
      <ListSection
        list={wholeListState(catalog)}
        texts={{ loadFailed: t("admin.catalog.loadFailed"), empty: t("admin.catalog.empty") }}
      >
        {(rows) => (
          <CatalogTable
            items={rows}
            programName={program.name}
            pendingId={toggle.isPending ? (toggle.variables?.id ?? null) : null}
            onEdit={(item, button) => open(item, button)}
            onToggleActive={(item) => {
              if (toggle.isPending) return;
              setNews(null);
              toggle.mutate(item);
            }}
          />
        )}
      </ListSection>
      <Modal
        {...editing.modalProps}
        title={editing.value?.item ? t("admin.catalog.form.editTitle") : t("admin.catalog.form.createTitle")}
        size="xl"
      >
        {editing.value ? (
          <CatalogItemForm
            item={editing.value.item}
            isPending={save.isPending}
            error={save.error}
            onSubmit={(fields) => save.mutate({ item: editing.value?.item ?? null, fields })}
            onCancel={() => editing.close("trigger")}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
