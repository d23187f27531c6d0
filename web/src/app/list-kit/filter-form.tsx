import { Button, Group } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasFieldError } from "../api-error-message";

type FilterFormOptions<F> = {
  /** The filters the list shows now; the form edits a draft of them. */
  filters: F;
  onApply: (filters: F) => void;
  /** What "clear" applies: the empty filters, keeping what is not a filter (sort, order, view). */
  cleared: (current: F) => F;
  /** A last check on submit: the filters to apply, or null to stay on the form (e.g. an inverted range). */
  check?: (draft: F) => F | null;
};

/**
 * Filters applied on submit, not on each change: a keyboard user goes through the fields without
 * reloading the list at every step. Text is trimmed on the way out. Give the form `key={listSearch}`
 * so a new URL (Back, a link) starts a new draft.
 */
export function useFilterForm<F extends Record<string, string>>(options: FilterFormOptions<F>) {
  const { filters, onApply, cleared, check } = options;
  const [draft, setDraft] = useState(filters);
  return {
    draft,
    set: (patch: Partial<F>) => setDraft((current) => ({ ...current, ...patch })),
    submit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const next = check ? check(trimmed(draft)) : trimmed(draft);
      if (next) onApply(next);
    },
    clear() {
      const next = cleared(filters);
      setDraft(next);
      onApply(next);
    },
  };
}

function trimmed<F extends Record<string, string>>(values: F): F {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()])) as F;
}

/** A filter the server refused (422 with field errors) is marked beside its input. */
export function useFilterFieldError(listError: unknown) {
  const { t } = useTranslation();
  return (field: string) => (hasFieldError(listError, field) ? t("validation.fieldInvalid") : undefined);
}

/** The two buttons under every filter form. */
export function FilterActions({
  apply,
  clear,
  onClear,
}: {
  apply: string;
  clear: string;
  onClear: () => void;
}) {
  return (
    <Group mt="sm" gap="sm">
      <Button type="submit">{apply}</Button>
      <Button variant="default" onClick={onClear}>
        {clear}
      </Button>
    </Group>
  );
}
