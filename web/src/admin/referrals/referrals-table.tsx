import { Anchor, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatCnpj } from "@shared/cnpj";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatters } from "../../app/formatting";
import { ListTable, type SortOrder, sortableHeaders } from "../../app/list-kit";
import { reasonLabel } from "../../app/referral-labels";
import { ReferralStatusBadge } from "../../app/referral-status-badge";
import type { SortKey } from "./referral-filters";
import type { AdminReferralSummary } from "./referrals-api";

type ReferralsTableProps = {
  referrals: AdminReferralSummary[];
  sort: SortKey;
  order: SortOrder;
  onSort: (sort: SortKey) => void;
  /** The current list's query string, carried to the detail so its "back" link returns here. */
  listSearch: string;
};

export function ReferralsTable({ referrals, sort, order, onSort, listSearch }: ReferralsTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sortable = sortableHeaders({ sort, order, onSort, hint: t("admin.referrals.table.sortHint") });
  return (
    <ListTable
      minWidth={340}
      density="compact"
      highlightOnHover
      caption={t("admin.referrals.table.caption", {
        sort: t(`admin.referrals.table.sortNames.${sort}`),
        order: t(`admin.referrals.table.orderNames.${order}`),
      })}
      columns={[
        // The company (with its CNPJ) and where it stands come first; narrower lists drop the rest,
        // least needed first.
        sortable("companyName", t("admin.referrals.table.company")),
        t("admin.referrals.table.status"),
        { header: t("admin.referrals.table.reason"), hideBelow: 560 },
        { header: t("admin.referrals.table.contact"), hideBelow: 960 },
        { header: t("admin.referrals.table.referrer"), hideBelow: 880 },
        { header: t("admin.referrals.table.assignee"), hideBelow: 760 },
        { header: sortable("createdAt", t("admin.referrals.table.createdAt")), hideBelow: 480 },
        { header: sortable("updatedAt", t("admin.referrals.table.updatedAt")), hideBelow: 660 },
      ]}
    >
      {referrals.map((referral) => (
        <Table.Tr key={referral.id}>
          <Table.Th scope="row" fw={500} miw={150}>
            <Anchor
              component={Link}
              to={`/admin/referrals/${referral.id}`}
              state={{ listSearch }}
              data-referral-link
            >
              {referral.companyName}
            </Anchor>
            {referral.companyCnpj ? (
              <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                <VisuallyHidden>{t("admin.referrals.table.cnpj")} </VisuallyHidden>
                {formatCnpj(referral.companyCnpj)}
              </Text>
            ) : null}
          </Table.Th>
          <Table.Td miw={130}>
            <ReferralStatusBadge status={referral.status} />
          </Table.Td>
          <Table.Td>{reasonLabel(t, referral.reason) || "—"}</Table.Td>
          <Table.Td style={{ overflowWrap: "anywhere" }}>
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
          <Table.Td>{referral.assignee?.name ?? t("admin.referrals.unassigned")}</Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(referral.createdAt)}</Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(referral.updatedAt)}</Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
