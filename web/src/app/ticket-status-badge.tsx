import { Badge } from "@mantine/core";
import type { TicketPriority, TicketSituation, TicketStatus } from "@shared/ticket-codes";
import { useHelpdeskTranslation } from "../i18n/helpdesk-translation";

const statusColors: Record<TicketStatus, string> = {
  open: "blue",
  pending: "yellow",
  resolved: "green",
  closed: "gray",
};

const priorityColors: Record<TicketPriority, string> = {
  low: "gray",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

/** Badges keep their whole label: a cut "Aguardando a e…" says nothing. */
export const unclippedBadge = {
  root: { flexShrink: 0, maxWidth: "none", overflow: "visible" },
  label: { overflow: "visible", textOverflow: "clip" },
} as const;

/** In a narrow table column the whole label wraps onto a second line instead. */
const wrappingBadge = {
  root: { height: "auto", maxWidth: "100%", paddingBlock: 2 },
  label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" },
} as const;

/** A ticket's status in words; the colour only repeats what the words say. */
export function TicketStatusBadge({ status, size = "sm" }: { status: TicketStatus; size?: "sm" | "lg" }) {
  const { th } = useHelpdeskTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" size={size} tt="none" styles={unclippedBadge}>
      {th(`status.${status}`)}
    </Badge>
  );
}

export function TicketPriorityBadge({ priority }: { priority: TicketPriority }) {
  const { th } = useHelpdeskTranslation();
  return (
    <Badge
      color={priorityColors[priority]}
      variant={priority === "urgent" ? "filled" : "outline"}
      size="sm"
      tt="none"
      styles={unclippedBadge}
    >
      {th(`priority.${priority}`)}
    </Badge>
  );
}

/** Whom the ticket waits on, worded for who reads it: the agents, or the referrer in the portal. */
export function TicketSituationBadge({
  situation,
  reader,
  wrap = false,
}: {
  situation: TicketSituation;
  reader: "agent" | "participant";
  /** Let a long label wrap (a table column) rather than keep one line. */
  wrap?: boolean;
}) {
  const { th } = useHelpdeskTranslation();
  const waitsOnReader =
    reader === "agent" ? situation === "awaiting_agent" : situation === "awaiting_participant";
  return (
    <Badge
      variant="dot"
      color={waitsOnReader ? "orange" : "gray"}
      tt="none"
      size="sm"
      styles={wrap ? wrappingBadge : unclippedBadge}
    >
      {reader === "agent" ? th(`situation.${situation}`) : th(`portal.situation.${situation}`)}
    </Badge>
  );
}
