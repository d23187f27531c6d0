import { Badge } from "@mantine/core";
import type { ReferralStatus } from "@shared/referral-codes";
import { useTranslation } from "react-i18next";

const statusColors: Record<ReferralStatus, string> = {
  in_progress: "gray",
  qualified: "teal",
  not_qualified: "red",
  in_commercial_process: "indigo",
  not_advanced: "orange",
  sale_confirmed: "green",
};

type ReferralStatusBadgeProps = {
  status: ReferralStatus;
  /** The portal shows the program policy's words; staff pages the product's label. */
  label?: string;
  size?: "sm" | "lg";
  py?: number;
};

/** The status in words; the colour only repeats what the words say. */
export function ReferralStatusBadge({ status, label, size = "sm", py = 2 }: ReferralStatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size={size}
      tt="none"
      h="auto"
      py={py}
      // Long labels ("Lead não avançou no processo comercial") wrap instead of being cut.
      styles={{ label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" } }}
    >
      {label ?? t(`referral.status.${status}`)}
    </Badge>
  );
}
