import { describe, expect, it } from "vitest";
import {
  clockAfterPriorityChange,
  clockAfterStatusChange,
  defaultSlaTargets,
  type SlaClock,
  slaStatus,
  startClock,
} from "./sla.js";

const at = (iso: string) => new Date(`2027-03-01T${iso}:00.000Z`);
const HOUR = 3600;

function newTicket(createdAt = at("09:00")): SlaClock {
  return {
    createdAt,
    priority: "normal",
    status: "open",
    firstResponseAt: null,
    ...startClock(createdAt, "normal", defaultSlaTargets),
  };
}

function move(ticket: SlaClock, to: SlaClock["status"], now: Date): SlaClock {
  return { ...ticket, ...clockAfterStatusChange(ticket, to, now), status: to };
}

describe("the SLA clock", () => {
  it("starts with the priority's targets from creation", () => {
    const ticket = newTicket();
    expect(ticket.firstResponseDueAt).toEqual(at("17:00")); // normal: 8 h
    expect(ticket.slaDueAt).toEqual(ticket.firstResponseDueAt);
    expect(slaStatus(ticket, at("10:00"))).toMatchObject({ state: "running", secondsLeft: 7 * HOUR });
  });

  it("stands still while pending and pushes the deadlines by the time it stood", () => {
    const pending = move(newTicket(), "pending", at("10:00"));
    // Two hours later, still the same time left: the clock is paused.
    expect(slaStatus(pending, at("10:00")).secondsLeft).toBe(7 * HOUR);
    expect(slaStatus(pending, at("12:00"))).toMatchObject({ state: "paused", secondsLeft: 7 * HOUR });
    const reopened = move(pending, "open", at("12:00"));
    expect(reopened.slaPausedSeconds).toBe(2 * HOUR);
    expect(reopened.slaPausedSince).toBeNull();
    expect(reopened.firstResponseDueAt).toEqual(at("19:00"));
    expect(slaStatus(reopened, at("12:00"))).toMatchObject({ state: "running", secondsLeft: 7 * HOUR });
  });

  it("is not overdue while paused past the deadline, and is once the deadline passed before the pause", () => {
    const pending = move(newTicket(), "pending", at("10:00"));
    expect(slaStatus(pending, at("23:00")).isOverdue).toBe(false);
    const late = move(newTicket(), "pending", at("18:00"));
    expect(slaStatus(late, at("23:00"))).toMatchObject({ isOverdue: true, secondsLeft: -1 * HOUR });
  });

  it("after the first response, the resolution deadline applies", () => {
    const ticket = newTicket();
    const answered = { ...ticket, firstResponseAt: at("10:00") };
    const reopened = move(move(answered, "pending", at("11:00")), "open", at("11:30"));
    expect(reopened.slaDueAt).toEqual(new Date(at("09:00").getTime() + (48 * HOUR + 1800) * 1000));
  });

  it("stops when resolved and resumes where it stopped if reopened", () => {
    const resolved = move(newTicket(), "resolved", at("10:00"));
    expect(slaStatus(resolved, at("11:00"))).toMatchObject({ state: "met", dueAt: null, isOverdue: false });
    const reopened = move(resolved, "open", at("15:00"));
    expect(slaStatus(reopened, at("15:00")).secondsLeft).toBe(7 * HOUR);
  });

  it("a new priority recomputes the deadlines from creation, keeping the time stood still", () => {
    const reopened = move(move(newTicket(), "pending", at("10:00")), "open", at("11:00"));
    const urgent = clockAfterPriorityChange(reopened, "urgent", defaultSlaTargets);
    expect(urgent.firstResponseDueAt).toEqual(at("11:00")); // 09:00 + 1 h target + 1 h stood still
    expect(urgent.slaDueAt).toEqual(urgent.firstResponseDueAt);
  });

  it("records a late first response as breached", () => {
    const ticket = { ...newTicket(), firstResponseAt: at("18:00") };
    expect(slaStatus(ticket, at("18:00")).firstResponseBreached).toBe(true);
  });
});
