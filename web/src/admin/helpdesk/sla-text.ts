import type { Sla } from "../../api/helpdesk-types";
import type { HelpdeskT } from "../../i18n/helpdesk-translation";

/** "3 d 4 h", "2 h 15 min", "12 min": short enough for a table cell. */
export function durationText(seconds: number, th: HelpdeskT): string {
  const minutes = Math.max(1, Math.round(Math.abs(seconds) / 60));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return th("duration.daysHours", { days, hours });
  if (hours > 0) return th("duration.hoursMinutes", { hours, minutes: rest });
  return th("duration.minutes", { minutes: rest });
}

/** The SLA in words: time left, how late, or paused. */
export function slaText(sla: Sla, th: HelpdeskT): string {
  if (sla.secondsLeft === null) return sla.state === "met" ? th("sla.met") : "—";
  const time = durationText(sla.secondsLeft, th);
  if (sla.isOverdue) return th("sla.overdue", { time });
  return sla.state === "paused" ? th("sla.paused", { time }) : th("sla.left", { time });
}

/** Red when late, orange within the last hour, plain otherwise. */
export function slaColor(sla: Sla): string | undefined {
  if (sla.isOverdue) return "red.8";
  if (sla.state === "running" && sla.secondsLeft !== null && sla.secondsLeft < 3600) return "orange.8";
  return undefined;
}
