import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { referralStatuses } from "@shared/referral-codes";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryKeys } from "../../api/query-keys";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFormatters } from "../../app/formatting";
import { ReferralStatusBadge } from "../../app/referral-status-badge";
import { usePolicyWords } from "../referrals/policy-words";
import {
  listPortalReferrals,
  type PortalReferral,
  type StatusCounts,
} from "../referrals/portal-referrals-api";

const RECENT = 5;

/** The home's view of "Minhas Indicações": how many in each status and the latest few. */
export function ReferralsSummary() {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: queryKeys.portalReferralList({ status: "", limit: RECENT }),
    queryFn: () => listPortalReferrals({ limit: RECENT }),
  });

  return (
    <Stack component="section" gap="sm" aria-labelledby="referrals-summary-heading">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="referrals-summary-heading">
          {t("portal.home.referralsTitle")}
        </Title>
        <Anchor component={Link} to="/portal/referrals">
          {t("portal.home.seeAllReferrals")}
        </Anchor>
      </Group>
      {summary.isPending ? (
        <Center role="status" py="md">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      ) : summary.isError ? (
        <Alert color="red" title={t("portal.referrals.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(summary.error, t)}
            <Button size="xs" variant="default" onClick={() => void summary.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <StatusCountCards counts={summary.data.counts} />
          <RecentReferrals referrals={summary.data.items} />
        </>
      )}
    </Stack>
  );
}

/** One link per status: the number and the status, leading to the list filtered by it. */
function StatusCountCards({ counts }: { counts: StatusCounts }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
    >
      {referralStatuses.map((status) => (
        <li key={status}>
          <Paper
            component={Link}
            to={`/portal/referrals?status=${status}`}
            withBorder
            p="sm"
            h="100%"
            display="block"
            style={{ textDecoration: "none", color: "inherit" }}
          >
            <Text fz={28} fw={700} lh={1.1}>
              {number.format(counts[status])}
            </Text>
            <Text size="sm">{t(`referral.status.${status}`)}</Text>
          </Paper>
        </li>
      ))}
    </SimpleGrid>
  );
}

function RecentReferrals({ referrals }: { referrals: PortalReferral[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const words = usePolicyWords();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t("portal.home.recentTitle")}
      </Title>
      {referrals.length === 0 ? (
        <Text c="dimmed">{t("portal.home.noReferrals")}</Text>
      ) : (
        <List listStyleType="none" spacing="xs" p={0}>
          {referrals.map((referral) => (
            <List.Item key={referral.id}>
              <Group gap="sm" wrap="wrap">
                <Anchor component={Link} to={`/portal/referrals/${referral.id}`} fw={500}>
                  {referral.companyName}
                </Anchor>
                <ReferralStatusBadge
                  status={referral.status}
                  label={words(referral.statusWords).label}
                  size="lg"
                  py={4}
                />
                <Text size="sm" c="dimmed">
                  {t("portal.home.sentOn", { date: format.date(referral.createdAt) })}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
