import { Button, Group } from "@mantine/core";
import { type ReferralStatus, referralStatuses } from "@shared/referral-codes";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { StatusCounts } from "./portal-referrals-api";

type StatusFilterProps = {
  current: ReferralStatus | undefined;
  /** Unknown while the first page loads: the links work without them. */
  counts: StatusCounts | undefined;
};

/** Links, not a form: each status is an address (`?status=`) the status e-mails and bookmarks can use. */
export function StatusFilter({ current, counts }: StatusFilterProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const label = (name: string, count: number | undefined) =>
    count === undefined
      ? name
      : t("portal.referrals.filter.withCount", { name, count: number.format(count) });

  const option = (status: ReferralStatus | undefined, name: string, count: number | undefined) => (
    <Button
      key={status ?? "all"}
      component={Link}
      to={{ search: status ? `?status=${status}` : "" }}
      size="xs"
      radius="xl"
      variant={current === status ? "filled" : "default"}
      aria-current={current === status ? "page" : undefined}
      // Long status names wrap on narrow screens instead of overflowing.
      h="auto"
      py={6}
      styles={{ label: { whiteSpace: "normal" } }}
    >
      {label(name, count)}
    </Button>
  );

  return (
    <Group component="nav" aria-label={t("portal.referrals.filter.label")} gap="xs">
      {option(undefined, t("portal.referrals.filter.all"), total)}
      {referralStatuses.map((status) => option(status, t(`referral.status.${status}`), counts?.[status]))}
    </Group>
  );
}
