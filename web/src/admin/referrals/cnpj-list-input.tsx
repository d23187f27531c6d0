import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

type CnpjListInputProps = {
  values: string[];
  onChange: (values: string[]) => void;
  /** One message (or none) per CNPJ, in the same order. */
  errors: (string | undefined)[];
  /** A problem with the list as a whole. */
  listError?: string;
};

/** One input per CNPJ of the deal, at least one; adding or removing one moves the focus sensibly. */
export function CnpjListInput({ values, onChange, errors, listError }: CnpjListInputProps) {
  const { t } = useTranslation();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);

  function add() {
    onChange([...values, ""]);
    requestAnimationFrame(() => inputs.current[values.length]?.focus());
  }
  function remove(index: number) {
    onChange(values.filter((_, i) => i !== index));
    requestAnimationFrame(() => (inputs.current[index - 1] ?? addButton.current)?.focus());
  }

  return (
    <Fieldset legend={t("admin.referral.saleForm.cnpjs")} variant="unstyled">
      <Stack gap="xs">
        {values.map((value, index) => (
          // Rows have no identity beyond their position, which is also what the server's field keys use.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              ref={(element) => {
                inputs.current[index] = element;
              }}
              label={t("admin.referral.saleForm.cnpjN", { n: index + 1 })}
              value={value}
              onChange={(event) =>
                onChange(values.map((v, i) => (i === index ? event.currentTarget.value : v)))
              }
              error={errors[index]}
              errorProps={{ role: "alert" }}
              autoComplete="off"
              withAsterisk
              style={{ flex: 1 }}
              data-autofocus={index === 0 ? true : undefined}
            />
            {values.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                size="lg"
                onClick={() => remove(index)}
                aria-label={t("admin.referral.saleForm.removeCnpj", { n: index + 1 })}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {listError ? (
          <Text size="sm" c="red" role="alert">
            {listError}
          </Text>
        ) : null}
        <Button ref={addButton} variant="subtle" size="xs" onClick={add} style={{ alignSelf: "flex-start" }}>
          {t("admin.referral.saleForm.addCnpj")}
        </Button>
      </Stack>
    </Fieldset>
  );
}
