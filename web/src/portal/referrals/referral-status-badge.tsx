import { Badge } from "@mantine/core";
import type { ReferralStatus } from "./portal-referrals-api";

const statusColors: Record<ReferralStatus, string> = {
  in_progress: "gray",
  qualified: "teal",
  not_qualified: "red",
  in_commercial_process: "indigo",
  not_advanced: "orange",
  sale_confirmed: "green",
};

/** The status in the policy's words; the colour only repeats what the words say. */
export function ReferralStatusBadge({ status, label }: { status: ReferralStatus; label: string }) {
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size="lg"
      tt="none"
      h="auto"
      py={4}
      // Long labels ("Lead não avançou no processo comercial") wrap instead of being cut.
      styles={{ label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" } }}
    >
      {label}
    </Badge>
  );
}
