import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
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
import { ProgramSelect, useChosenProgram } from "../rewards/program-select";
import { MaterialForm } from "./material-form";
import {
  type AdminMaterial,
  createMaterial,
  deleteMaterial,
  listMaterials,
  type MaterialFields,
  updateMaterial,
} from "./materials-api";
import { MaterialsTable } from "./materials-table";

type Dialog = { kind: "edit" | "delete"; material: AdminMaterial | null };

// /admin/materials[?program=ID] – the support materials and tips referrers read in the portal.
export function MaterialsPage() {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const { programs, csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("materials.manage");
  const { program, choose } = useChosenProgram(programs);
  const programId = program?.id ?? "";
  const queryClient = useQueryClient();
  const materialsKey = queryKeys.adminMaterials(programId);
  const materials = useQuery({
    queryKey: materialsKey,
    queryFn: () => listMaterials(programId),
    enabled: isAllowed && Boolean(programId),
  });
  const dialog = useFocusedDialog<Dialog>();
  const [news, setNews] = useState<string | null>(null);

  function done(message: string) {
    void queryClient.invalidateQueries({ queryKey: materialsKey });
    setNews(message);
    dialog.close("news");
  }
  const save = useMutation({
    mutationFn: ({ material, fields }: { material: AdminMaterial | null; fields: MaterialFields }) =>
      material
        ? updateMaterial(material.id, fields, csrfToken)
        : createMaterial(programId, fields, csrfToken),
    onSuccess: (saved, { material }) =>
      done(
        t(material ? "admin.materials.saved" : "admin.materials.created", { title: localized(saved.title) }),
      ),
  });
  const remove = useMutation({
    mutationFn: (material: AdminMaterial) => deleteMaterial(material.id, csrfToken),
    onSuccess: (_nothing, material) =>
      done(t("admin.materials.deleted", { title: localized(material.title) })),
  });

  function open(kind: Dialog["kind"], material: AdminMaterial | null, button: HTMLElement) {
    save.reset();
    remove.reset();
    setNews(null);
    dialog.open({ kind, material }, button);
  }
  const cancel = () => dialog.close("trigger");

  if (!isAllowed || !program) {
    const message = isAllowed ? t("admin.home.noPrograms") : t("admin.materials.forbidden");
    return <ForbiddenNotice title={t("admin.materials.title")} message={message} />;
  }

  const nextPosition = Math.max(0, ...(materials.data ?? []).map((material) => material.position + 10));
  const deleting = dialog.value?.kind === "delete" ? dialog.value.material : null;
  // The material the form edits: null for a new one, undefined while no form is open.
  const editing = dialog.value?.kind === "edit" ? dialog.value.material : undefined;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("admin.materials.title")}
        intro={t("admin.materials.intro")}
        introWidth={760}
        actions={
          <Button onClick={(event) => open("edit", null, event.currentTarget)}>
            {t("admin.materials.create")}
          </Button>
        }
      />
      <ProgramSelect programs={programs} value={program.id} onChange={choose} />
      {/* Focused after a dialog closes, so keyboard users land on the outcome; read out either way. */}
      {news ? <NewsAlert news={{ tone: "success", message: news }} newsRef={dialog.newsRef} /> : null}
      <ListSection
        list={wholeListState(materials)}
        texts={{ loadFailed: t("admin.materials.loadFailed"), empty: t("admin.materials.empty") }}
      >
        {(rows) => (
          <MaterialsTable
            materials={rows}
            programName={program.name}
            onEdit={(material, button) => open("edit", material, button)}
            onDelete={(material, button) => open("delete", material, button)}
          />
        )}
      </ListSection>
      <Modal
        {...dialog.modalProps}
        opened={dialog.modalProps.opened && editing !== undefined}
        // A long form: a stray click outside must not throw away what was typed.
        closeOnClickOutside={false}
        title={editing ? t("admin.materials.form.editTitle") : t("admin.materials.form.createTitle")}
        size="xl"
      >
        {editing !== undefined ? (
          <MaterialForm
            material={editing}
            nextPosition={nextPosition}
            isPending={save.isPending}
            error={save.error}
            onSubmit={(fields) => save.mutate({ material: editing, fields })}
            onCancel={cancel}
          />
        ) : null}
      </Modal>
      <Modal
        {...dialog.modalProps}
        opened={dialog.modalProps.opened && deleting !== null}
        title={t("admin.materials.deleteTitle")}
      >
        {deleting ? (
          <Stack>
            <Text>{t("admin.materials.deleteBody", { title: localized(deleting.title) })}</Text>
            {remove.isError ? <Alert color="red">{apiErrorMessage(remove.error, t)}</Alert> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={cancel} disabled={remove.isPending} data-autofocus>
                {t("common.cancel")}
              </Button>
              <Button color="red" onClick={() => remove.mutate(deleting)} loading={remove.isPending}>
                {t("admin.materials.deleteConfirm")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
