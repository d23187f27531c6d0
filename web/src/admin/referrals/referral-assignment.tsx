import { Button, Card, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../app/api-error-message";
import { useAssignReferral } from "./referral-mutations";
import { useReferralAssignees } from "./referral-staff";
import type { AdminReferralDetail } from "./referrals-api";

const NOBODY = "";

/** Who in sales looks after the referral; saved with a button so choosing with the keyboard sends nothing early. */
export function ReferralAssignment({
  referral,
  csrfToken,
}: {
  referral: AdminReferralDetail;
  csrfToken: string;
}) {
  const { t } = useTranslation();
  const staff = useReferralAssignees();
  const assign = useAssignReferral(referral.id, csrfToken);
  const [chosen, setChosen] = useState(referral.assignee?.id ?? NOBODY);
  const current = referral.assignee;
  // A reload (after a save here or a change elsewhere) brings the saved assignee back into the select.
  useEffect(() => setChosen(current?.id ?? NOBODY), [current?.id]);
  const people = staff.data ?? [];
  // The current assignee may no longer be in sales (or the list is still loading): keep them choosable.
  const options =
    current && !people.some((person) => person.id === current.id) ? [current, ...people] : people;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    assign.mutate(chosen === NOBODY ? null : chosen);
  }

  return (
    <Card withBorder component="section" aria-labelledby="assignment-heading" padding="lg">
      <Title order={2} size="h4" id="assignment-heading" mb="sm">
        {t("admin.referral.assignment.title")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t("admin.referral.assignment.label")}
            value={chosen}
            onChange={(event) => {
              setChosen(event.currentTarget.value);
              assign.reset();
            }}
            data={[
              { value: NOBODY, label: t("admin.referrals.unassigned") },
              ...options.map((person) => ({ value: person.id, label: person.name })),
            ]}
            description={staff.isError ? t("admin.referral.assignment.staffLoadFailed") : undefined}
            error={assign.isError ? apiErrorMessage(assign.error, t) : undefined}
            errorProps={{ role: "alert" }}
          />
          <Button
            type="submit"
            variant="default"
            loading={assign.isPending}
            disabled={chosen === (current?.id ?? NOBODY)}
          >
            {t("admin.referral.assignment.save")}
          </Button>
          <div role="status">
            {assign.isSuccess ? (
              <Text size="sm" c="green.8">
                {current
                  ? t("admin.referral.assignment.saved", { name: current.name })
                  : t("admin.referral.assignment.cleared")}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Card>
  );
}
