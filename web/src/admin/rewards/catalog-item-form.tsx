import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { rewardKinds } from "../../api/reward-types";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import type { CatalogItem, CatalogItemFields } from "./catalog-api";

type Draft = {
  namePt: string;
  nameEn: string;
  descriptionPt: string;
  descriptionEn: string;
  imageUrl: string;
  kind: string;
  isActive: boolean;
  stock: string;
};
type Field = keyof Draft;

/** The server names nested fields by path ("name.pt-BR"); the form has one input per leaf. */
const serverFieldOf: Record<Field, string> = {
  namePt: "name.pt-BR",
  nameEn: "name.en",
  descriptionPt: "description.pt-BR",
  descriptionEn: "description.en",
  imageUrl: "imageUrl",
  kind: "kind",
  isActive: "isActive",
  stock: "stock",
};

function draftOf(item: CatalogItem | null): Draft {
  return {
    namePt: item?.name["pt-BR"] ?? "",
    nameEn: item?.name.en ?? "",
    descriptionPt: item?.description["pt-BR"] ?? "",
    descriptionEn: item?.description.en ?? "",
    imageUrl: item?.imageUrl ?? "",
    kind: item?.kind ?? "",
    isActive: item?.isActive ?? true,
    stock: item?.stock === null || item?.stock === undefined ? "" : String(item.stock),
  };
}

type Problem = "required" | "imageUrlInvalid" | "stockInvalid";

function problemsOf(draft: Draft): Partial<Record<Field, Problem>> {
  const problems: Partial<Record<Field, Problem>> = {};
  for (const field of ["namePt", "nameEn", "descriptionPt", "descriptionEn", "kind"] as const) {
    if (!draft[field].trim()) problems[field] = "required";
  }
  if (draft.imageUrl.trim() && !/^https?:\/\/\S+$/i.test(draft.imageUrl.trim()))
    problems.imageUrl = "imageUrlInvalid";
  if (draft.stock.trim() && !/^\d+$/.test(draft.stock.trim())) problems.stock = "stockInvalid";
  return problems;
}

type CatalogItemFormProps = {
  item: CatalogItem | null;
  isPending: boolean;
  error: unknown;
  onSubmit: (fields: CatalogItemFields) => void;
  onCancel: () => void;
};

/** Create or edit an item: texts in both languages, kind, image, availability and stock (empty: unlimited). */
export function CatalogItemForm({ item, isPending, error, onSubmit, onCancel }: CatalogItemFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(item));
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  useEffect(() => {
    if (isApiError(error) && error.status === 422) focusFirstInvalid(form.current);
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = problemsOf(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    onSubmit({
      name: { "pt-BR": draft.namePt.trim(), en: draft.nameEn.trim() },
      description: { "pt-BR": draft.descriptionPt.trim(), en: draft.descriptionEn.trim() },
      imageUrl: draft.imageUrl.trim() || null,
      kind: rewardKinds.find((kind) => kind === draft.kind) ?? "voucher",
      isActive: draft.isActive,
      stock: draft.stock.trim() ? Number(draft.stock.trim()) : null,
    });
  }

  const errorOf = (field: Field) => {
    const problem = problems[field];
    if (problem) return t(`admin.catalog.form.${problem}`);
    return hasFieldError(error, serverFieldOf[field]) ? t("validation.fieldInvalid") : undefined;
  };
  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;
  const text = (field: Field) => ({
    value: String(draft[field]),
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
    error: errorOf(field),
    errorProps: { role: "alert" },
  });

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        {error && !isFieldError ? <Alert color="red">{apiErrorMessage(error, t)}</Alert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("admin.catalog.form.namePt")}
            maxLength={120}
            withAsterisk
            data-autofocus
            {...text("namePt")}
          />
          <TextInput
            label={t("admin.catalog.form.nameEn")}
            maxLength={120}
            withAsterisk
            {...text("nameEn")}
          />
          <Textarea
            label={t("admin.catalog.form.descriptionPt")}
            autosize
            minRows={3}
            maxLength={2000}
            withAsterisk
            {...text("descriptionPt")}
          />
          <Textarea
            label={t("admin.catalog.form.descriptionEn")}
            autosize
            minRows={3}
            maxLength={2000}
            withAsterisk
            {...text("descriptionEn")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("admin.catalog.form.kind")}
            data={[
              { value: "", label: t("admin.catalog.form.kindPlaceholder"), disabled: true },
              ...rewardKinds.map((kind) => ({ value: kind, label: t(`rewards.kind.${kind}`) })),
            ]}
            withAsterisk
            {...text("kind")}
          />
          <TextInput
            label={t("admin.catalog.form.stock")}
            description={t("admin.catalog.form.stockHint")}
            inputMode="numeric"
            {...text("stock")}
          />
        </SimpleGrid>
        <TextInput
          type="url"
          label={t("admin.catalog.form.imageUrl")}
          description={t("admin.catalog.form.imageUrlHint")}
          {...text("imageUrl")}
        />
        <Switch
          label={t("admin.catalog.form.isActive")}
          description={t("admin.catalog.form.isActiveHint")}
          checked={draft.isActive}
          onChange={(event) => set({ isActive: event.currentTarget.checked })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending}>
            {t("admin.catalog.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
