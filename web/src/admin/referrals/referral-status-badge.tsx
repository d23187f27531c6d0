import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReferralStatus } from "./referrals-api";

const statusColors: Record<ReferralStatus, string> = {
  in_progress: "gray",
  qualified: "teal",
  not_qualified: "red",
  in_commercial_process: "indigo",
  not_advanced: "orange",
  sale_confirmed: "green",
};

/** The status in words; the colour only repeats what the words say. */
export function ReferralStatusBadge({ status, size = "sm" }: { status: ReferralStatus; size?: "sm" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size={size}
      tt="none"
      h="auto"
      py={2}
      // Long labels ("Lead não avançou no processo comercial") wrap instead of being cut.
      styles={{ label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" } }}
    >
      {t(`referral.status.${status}`)}
    </Badge>
  );
}
