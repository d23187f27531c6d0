import { Anchor, Stack, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../../app/formatting";
import { reasonLabel } from "../../app/referral-labels";
import { ReferralStatusBadge } from "../../app/referral-status-badge";
import type { SortKey, SortOrder } from "./referral-filters";
import type { AdminReferralSummary } from "./referrals-api";

type ReferralsTableProps = {
  referrals: AdminReferralSummary[];
  sort: SortKey;
  order: SortOrder;
  onSort: (sort: SortKey) => void;
  /** The current list's query string, carried to the detail so its "back" link returns here. */
  listSearch: string;
  /** Lets the page move the focus to the first row a "load more" brought. */
  tableRef: RefObject<HTMLTableElement | null>;
};

export function ReferralsTable({
  referrals,
  sort,
  order,
  onSort,
  listSearch,
  tableRef,
}: ReferralsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sortable = (key: SortKey, label: string) => (
    <SortableHeader label={label} isActive={sort === key} order={order} onSort={() => onSort(key)} />
  );
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table ref={tableRef} striped highlightOnHover verticalSpacing="xs" fz="sm" captionSide="top">
        <Table.Caption style={{ textAlign: "start" }}>
          {t("admin.referrals.table.caption", {
            sort: t(`admin.referrals.table.sortNames.${sort}`),
            order: t(`admin.referrals.table.orderNames.${order}`),
          })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {sortable("companyName", t("admin.referrals.table.company"))}
            <Table.Th scope="col">{t("admin.referrals.table.cnpj")}</Table.Th>
            <Table.Th scope="col">{t("admin.referrals.table.contact")}</Table.Th>
            <Table.Th scope="col">{t("admin.referrals.table.referrer")}</Table.Th>
            <Table.Th scope="col">{t("admin.referrals.table.status")}</Table.Th>
            <Table.Th scope="col">{t("admin.referrals.table.reason")}</Table.Th>
            <Table.Th scope="col">{t("admin.referrals.table.assignee")}</Table.Th>
            {sortable("createdAt", t("admin.referrals.table.createdAt"))}
            {sortable("updatedAt", t("admin.referrals.table.updatedAt"))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((referral) => (
            <Table.Tr key={referral.id}>
              <Table.Th scope="row" fw={500} miw={160}>
                <Anchor
                  component={Link}
                  to={`/admin/referrals/${referral.id}`}
                  state={{ listSearch }}
                  data-referral-link
                >
                  {referral.companyName}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {referral.companyCnpj ? formatCnpj(referral.companyCnpj) : "—"}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{referral.contactName}</Text>
                <Text size="xs" c="dimmed">
                  {referral.contactEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{referral.referrer.name}</Text>
                  <Anchor
                    component={Link}
                    to={`/admin/referrals?referrerId=${encodeURIComponent(referral.referrer.id)}`}
                    size="xs"
                    aria-label={t("admin.referrals.table.byReferrerLabel", { name: referral.referrer.name })}
                  >
                    {t("admin.referrals.table.byReferrer")}
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td miw={130}>
                <ReferralStatusBadge status={referral.status} />
              </Table.Td>
              <Table.Td>{reasonLabel(t, referral.reason) || "—"}</Table.Td>
              <Table.Td>{referral.assignee?.name ?? t("admin.referrals.unassigned")}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(referral.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(referral.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type SortableHeaderProps = { label: string; isActive: boolean; order: SortOrder; onSort: () => void };

/** A column header that sorts; `aria-sort` tells screen readers which column orders the rows and how. */
function SortableHeader({ label, isActive, order, onSort }: SortableHeaderProps) {
  const { t } = useTranslation();
  const ariaSort = isActive ? (order === "asc" ? "ascending" : "descending") : "none";
  const arrow = isActive ? (order === "asc" ? "▲" : "▼") : "↕";
  return (
    <Table.Th scope="col" aria-sort={ariaSort}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ whiteSpace: "nowrap" }}>
        {label} <span aria-hidden="true">{arrow}</span>
        <VisuallyHidden>{t("admin.referrals.table.sortHint")}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}
