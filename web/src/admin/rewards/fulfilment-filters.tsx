import { Button, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OfferStatus, offerStatuses } from "../../api/reward-types";
import { hasFieldError } from "../../app/api-error-message";
import { useFilterForm } from "../../app/list-kit";
import type { FulfilmentFilters } from "./fulfilment-api";

type FulfilmentFiltersProps = {
  filters: Omit<FulfilmentFilters, "programId">;
  counts: Record<OfferStatus, number> | undefined;
  listError: unknown;
  onStatus: (status: OfferStatus) => void;
  onDueMonth: (dueMonth: string) => void;
};

/** The state as a radio group with counts (arrow keys move between states), and the due month as a form. */
export function FulfilmentFiltersBar({
  filters,
  counts,
  listError,
  onStatus,
  onDueMonth,
}: FulfilmentFiltersProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const isNarrow = useMediaQuery("(max-width: 48em)");
  const [isMonthInvalid, setIsMonthInvalid] = useState(false);
  const monthForm = useFilterForm({
    filters: { dueMonth: filters.dueMonth },
    onApply: ({ dueMonth }) => onDueMonth(dueMonth),
    cleared: () => ({ dueMonth: "" }),
    check(draft) {
      const invalid = draft.dueMonth !== "" && !/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.dueMonth);
      setIsMonthInvalid(invalid);
      return invalid ? null : draft;
    },
  });

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} id="fulfilment-state-label" mb={4}>
          {t("admin.fulfilment.stateLabel")}
        </Text>
        <SegmentedControl
          aria-labelledby="fulfilment-state-label"
          value={filters.status}
          onChange={(value) => {
            const status = offerStatuses.find((candidate) => candidate === value);
            if (status) onStatus(status);
          }}
          data={offerStatuses.map((status) => ({
            value: status,
            label: counts
              ? t("admin.fulfilment.tab", {
                  status: t(`rewards.offerStatus.${status}`),
                  count: number.format(counts[status]),
                })
              : t(`rewards.offerStatus.${status}`),
          }))}
          // Four labels with counts do not fit side by side on a phone.
          orientation={isNarrow ? "vertical" : "horizontal"}
          fullWidth
          style={{ maxWidth: 760 }}
        />
      </div>
      <form onSubmit={monthForm.submit} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="month"
            label={t("admin.fulfilment.dueMonth")}
            description={t("admin.fulfilment.dueMonthHint")}
            placeholder="2027-03"
            value={monthForm.draft.dueMonth}
            onChange={(event) => monthForm.set({ dueMonth: event.currentTarget.value })}
            error={
              isMonthInvalid || hasFieldError(listError, "dueMonth")
                ? t("admin.fulfilment.dueMonthInvalid")
                : undefined
            }
            errorProps={{ role: "alert" }}
            w={220}
          />
          <Button type="submit" variant="default">
            {t("admin.fulfilment.filter")}
          </Button>
          {filters.dueMonth ? (
            <Button variant="subtle" onClick={monthForm.clear}>
              {t("admin.fulfilment.allMonths")}
            </Button>
          ) : null}
        </Group>
      </form>
    </Stack>
  );
}
