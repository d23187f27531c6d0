import { Alert, Button, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { apiErrorMessage, hasFieldError } from "../../app/api-error-message";
import { MarkdownPreview } from "./markdown-preview";
import { type AdminMaterial, type MaterialFields, materialKinds } from "./materials-api";

type Draft = {
  kind: string;
  titlePt: string;
  titleEn: string;
  bodyPt: string;
  bodyEn: string;
  linkUrl: string;
  position: string;
};
type Field = keyof Draft;
type Problem = "required" | "linkUrlInvalid" | "positionInvalid";

/** The server names nested fields by path ("title.pt-BR"); the form has one input per leaf. */
const serverFieldOf: Record<Field, string> = {
  kind: "kind",
  titlePt: "title.pt-BR",
  titleEn: "title.en",
  bodyPt: "bodyMarkdown.pt-BR",
  bodyEn: "bodyMarkdown.en",
  linkUrl: "linkUrl",
  position: "position",
};

function draftOf(material: AdminMaterial | null, nextPosition: number): Draft {
  return {
    kind: material?.kind ?? "material",
    titlePt: material?.title["pt-BR"] ?? "",
    titleEn: material?.title.en ?? "",
    bodyPt: material?.bodyMarkdown["pt-BR"] ?? "",
    bodyEn: material?.bodyMarkdown.en ?? "",
    linkUrl: material?.linkUrl ?? "",
    position: String(material?.position ?? nextPosition),
  };
}

function problemsOf(draft: Draft): Partial<Record<Field, Problem>> {
  const problems: Partial<Record<Field, Problem>> = {};
  if (!draft.titlePt.trim()) problems.titlePt = "required";
  if (!draft.titleEn.trim()) problems.titleEn = "required";
  if (draft.linkUrl.trim() && !/^https?:\/\/\S+$/i.test(draft.linkUrl.trim()))
    problems.linkUrl = "linkUrlInvalid";
  const position = draft.position.trim();
  if (!/^\d{1,5}$/.test(position) || Number(position) > 10_000) problems.position = "positionInvalid";
  return problems;
}

type MaterialFormProps = {
  material: AdminMaterial | null;
  /** Where a new item goes unless the admin says otherwise: after the last one. */
  nextPosition: number;
  isPending: boolean;
  error: unknown;
  onSubmit: (fields: MaterialFields) => void;
  onCancel: () => void;
};

/** Create or edit a material or tip: title and Markdown body in both languages, an optional link, its place. */
export function MaterialForm({
  material,
  nextPosition,
  isPending,
  error,
  onSubmit,
  onCancel,
}: MaterialFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(material, nextPosition));
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
      kind: materialKinds.find((kind) => kind === draft.kind) ?? "material",
      title: { "pt-BR": draft.titlePt.trim(), en: draft.titleEn.trim() },
      bodyMarkdown: { "pt-BR": draft.bodyPt.trim(), en: draft.bodyEn.trim() },
      linkUrl: draft.linkUrl.trim() || null,
      position: Number(draft.position.trim()),
    });
  }

  const errorOf = (field: Field) => {
    const problem = problems[field];
    if (problem) return t(`admin.materials.form.${problem}`);
    return hasFieldError(error, serverFieldOf[field]) ? t("validation.fieldInvalid") : undefined;
  };
  const isFieldError = isApiError(error) && error.status === 422 && Object.keys(error.fields).length > 0;
  const text = (field: Field) => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      set({ [field]: event.currentTarget.value });
      setProblems(({ [field]: _fixed, ...rest }) => rest);
    },
    error: errorOf(field),
    errorProps: { role: "alert" },
  });

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        {error && !isFieldError ? <Alert color="red">{apiErrorMessage(error, t)}</Alert> : null}
        <Radio.Group
          label={t("admin.materials.form.kind")}
          value={draft.kind}
          onChange={(kind) => set({ kind })}
          withAsterisk
        >
          <Group gap="lg" mt="xs">
            {materialKinds.map((kind) => (
              <Radio key={kind} value={kind} label={t(`admin.materials.kind.${kind}`)} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("admin.materials.form.titlePt")}
            maxLength={160}
            withAsterisk
            data-autofocus
            {...text("titlePt")}
          />
          <TextInput
            label={t("admin.materials.form.titleEn")}
            maxLength={160}
            withAsterisk
            {...text("titleEn")}
          />
          <MarkdownField label={t("admin.materials.form.bodyPt")} {...text("bodyPt")} />
          <MarkdownField label={t("admin.materials.form.bodyEn")} {...text("bodyEn")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="url"
            label={t("admin.materials.form.linkUrl")}
            description={t("admin.materials.form.linkUrlHint")}
            {...text("linkUrl")}
          />
          <TextInput
            label={t("admin.materials.form.position")}
            description={t("admin.materials.form.positionHint")}
            inputMode="numeric"
            withAsterisk
            {...text("position")}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={isPending}>
            {t("admin.materials.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type MarkdownFieldProps = {
  label: string;
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  error: string | undefined;
  errorProps: { role: string };
};

/** A Markdown body with a hint on the syntax and a preview that can be opened beside the text. */
function MarkdownField({ label, ...input }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const previewId = useId();
  const [isPreviewing, setIsPreviewing] = useState(false);
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={t("admin.materials.form.markdownHint")}
        autosize
        minRows={5}
        maxRows={16}
        maxLength={20_000}
        {...input}
      />
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        aria-expanded={isPreviewing}
        aria-controls={previewId}
        onClick={() => setIsPreviewing((open) => !open)}
      >
        {isPreviewing ? t("admin.materials.form.hidePreview") : t("admin.materials.form.showPreview")}
      </Button>
      <div id={previewId}>
        {isPreviewing ? (
          <MarkdownPreview
            markdown={input.value}
            title={t("admin.materials.form.previewOf", { field: label })}
          />
        ) : null}
      </div>
    </Stack>
  );
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
