// Writes a batch of public submissions in one transaction: checks each against its program, locks every
// company, referrer and client-address key, reads what is stored, decides, and writes. Six statements
// in two round trips on PostgreSQL, whatever the batch size (see intake-batcher.ts); one checks job for
// the batch's referrals.
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../platform/context.js";
import { Invalid, NotFound } from "../../platform/http/errors.js";
import { resolveLocale } from "../../platform/i18n/locale.js";
import { cnpjRoot } from "../../shared/cnpj.js";
import { normalizeCompanyName } from "../../shared/company-name.js";
import { corporateDomain } from "../../shared/email.js";
import { todayIn } from "../../shared/today.js";
import { isProgramRunning, type Program } from "../programs/index.js";
import { type CompanyIdentity, companyLockKeys } from "./company-match.js";
import { BatchOutcomeUnknown, type ItemOutcome } from "./intake-batcher.js";
import {
  decideIntakeBatch,
  type IntakeCandidate,
  ipKey,
  referrerKey,
  type StoredIntakeState,
} from "./intake-decisions.js";
import { type IntakePrograms, StalePrograms } from "./intake-programs.js";
import {
  type AcceptedReferralRow,
  type AuditRow,
  lockKeysStatement,
  readStateStatement,
  type StateQuery,
  type StoredCandidateState,
  storedStateOfRows,
  throwUnlessAllStored,
  writeStatement,
} from "./intake-statements.js";
import { CommitFailed, type IntakeTransaction, inIntakeTransaction } from "./intake-transaction.js";
import { referralFieldRules, type TReferralSubmission } from "./referral-input.js";
import { referralChecksJob } from "./run-checks.js";

export type SubmissionClient = { ip?: string; userAgent?: string; locale?: string };
export type IntakeSubmission = { programSlug: string; input: TReferralSubmission; client: SubmissionClient };
export type SubmissionResult = { id: string; status: "in_progress" };

/** A submission that passed the checks that need no lock, with what its rows are made of. */
type Checked = {
  index: number;
  submission: IntakeSubmission;
  program: Program;
  today: string;
  candidate: IntakeCandidate;
};
type Outcome = ItemOutcome<SubmissionResult>;

/** Deadlocks and serialization failures are resolved by running the batch again (nothing was stored). */
const TRANSIENT_CODES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;

export async function storeIntakeBatch(
  ctx: AppContext,
  programs: IntakePrograms,
  submissions: IntakeSubmission[],
): Promise<Outcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const known = await programs.bySlug(ctx.db, [...new Set(submissions.map((s) => s.programSlug))]);
      return await inIntakeTransaction(ctx.database, (tx) =>
        storeInTransaction(ctx, tx, programs, known, submissions),
      );
    } catch (error) {
      if (error instanceof CommitFailed) throw new BatchOutcomeUnknown(error);
      const isTransient = error instanceof StalePrograms || TRANSIENT_CODES.has(sqlStateOf(error) ?? "");
      if (attempt >= MAX_ATTEMPTS || !isTransient) throw error;
    }
  }
}

/**
 * Two round trips on PostgreSQL: the program versions, the locks and the stored state (the read starts
 * once the locks are held, so it sees every earlier commit); then the writes, the jobs and the commit.
 */
async function storeInTransaction(
  ctx: AppContext,
  tx: IntakeTransaction,
  programs: IntakePrograms,
  known: Map<string, Program>,
  submissions: IntakeSubmission[],
): Promise<Outcome[]> {
  const { outcomes, checked, audits } = checkSubmissions(known, submissions);
  const candidates = checked.map((c) => c.candidate);
  const slugs = [...known.keys()];
  const [versionRows, , stateRows] = await tx.run([
    programs.versionsStatement(slugs),
    ...(checked.length > 0
      ? [lockKeysStatement(candidates.flatMap(lockKeysOf)), readStateStatement(checked.map(stateQueryOf))]
      : []),
  ]);
  programs.throwIfChanged(slugs, versionRows!);
  if (checked.length === 0 && audits.length === 0) return outcomes;

  const decisions = decideIntakeBatch(
    candidates,
    storedStateOf(candidates, storedStateOfRows(stateRows ?? [])),
  );
  const rows: AcceptedReferralRow[] = [];
  decisions.forEach((decision, i) => {
    const { index } = checked[i]!;
    if (decision.accepted) {
      rows.push(referralRow(rows.length, decision.id, decision.duplicateOfId, checked[i]!));
      outcomes[index] = { ok: true, value: { id: decision.id, status: "in_progress" } };
    } else {
      outcomes[index] = { ok: false, error: decision.error };
    }
  });
  const jobs =
    rows.length > 0
      ? await ctx.jobs.insertStatement(referralChecksJob, [{ referralIds: rows.map((row) => row.id) }])
      : undefined;
  const [writeRows] = await tx.runAndCommit([writeStatement(rows, audits), ...(jobs ? [jobs] : [])]);
  throwUnlessAllStored(writeRows!, rows.length);
  jobs?.committed();
  return outcomes;
}

/** The checks that need no lock: the program exists and runs, the fields pass its rules; the honeypot. */
function checkSubmissions(known: Map<string, Program>, submissions: IntakeSubmission[]) {
  const outcomes: Outcome[] = [];
  const checked: Checked[] = [];
  const audits: AuditRow[] = [];
  const todayOf = new Map<string, { today: string; isRunning: boolean }>();
  submissions.forEach((submission, index) => {
    const program = known.get(submission.programSlug);
    if (!program) {
      outcomes[index] = { ok: false, error: programNotFound(submission) };
      return;
    }
    let day = todayOf.get(program.id);
    if (!day) {
      day = { today: todayIn(program.timeZone), isRunning: isProgramRunning(program) };
      todayOf.set(program.id, day);
    }
    const error = programRuleError(program, day, submission.input);
    if (error) {
      outcomes[index] = { ok: false, error };
    } else if (submission.input.website) {
      // The honeypot: a field people never see. Bots fill it; they get the usual answer and nothing is stored.
      audits.push(auditRow(program, "referral.honeypot", submission.client));
      outcomes[index] = { ok: true, value: { id: randomUUID(), status: "in_progress" } };
    } else {
      const candidate = candidateOf(program, submission);
      checked.push({ index, submission, program, today: day.today, candidate });
    }
  });
  return { outcomes, checked, audits };
}

/** The SQLSTATE of a database error, whether or not Drizzle wrapped it. */
function sqlStateOf(error: unknown): string | undefined {
  const withCode = (value: unknown) =>
    typeof value === "object" && value !== null && "code" in value ? String(value.code) : undefined;
  return withCode(error) ?? (error instanceof Error ? withCode(error.cause) : undefined);
}

function programNotFound(submission: IntakeSubmission) {
  return new NotFound("program_not_found", `No program "${submission.programSlug}".`);
}

/** Refused at once with nothing stored: the program is closed, or a rule that needs the program fails. */
function programRuleError(
  program: Program,
  day: { today: string; isRunning: boolean },
  input: TReferralSubmission,
): Invalid | null {
  if (!day.isRunning) {
    return new Invalid({}, "This program is not accepting referrals now.", "program_not_running");
  }
  const fieldErrors = referralFieldRules(input, { minimumAge: program.minimumAge, today: day.today });
  return Object.keys(fieldErrors).length > 0 ? new Invalid(fieldErrors) : null;
}

function candidateOf(program: Program, { input, client }: IntakeSubmission): IntakeCandidate {
  const company: CompanyIdentity = {
    cnpjRoot: input.companyCnpj ? cnpjRoot(input.companyCnpj) : null,
    corporateDomain: corporateDomain(input.contactEmail),
    nameNormalized: normalizeCompanyName(input.companyName),
  };
  return {
    programId: program.id,
    // Normalized as the participants module stores it.
    referrerEmail: input.referrerEmail.trim().toLowerCase(),
    ip: client.ip ?? null,
    company,
    limits: {
      perReferrer: program.dailyReferralLimitPerReferrer,
      perIp: program.dailyReferralLimitPerIp,
    },
  };
}

/**
 * The company keys (first referrer wins), and the referrer's and client address's keys: the daily
 * counts must also include every submission that committed before this batch looked.
 */
function lockKeysOf(candidate: IntakeCandidate): string[] {
  const keys = companyLockKeys(candidate.programId, candidate.company);
  keys.push(`referral-referrer:${candidate.programId}:${candidate.referrerEmail}`);
  if (candidate.ip) keys.push(`referral-ip:${candidate.programId}:${candidate.ip}`);
  return keys;
}

function stateQueryOf({ program, today, candidate }: Checked, n: number): StateQuery {
  return {
    n,
    program_id: candidate.programId,
    email: candidate.referrerEmail,
    ip: candidate.ip,
    today,
    time_zone: program.timeZone,
    cnpj_root: candidate.company.cnpjRoot,
    corporate_domain: candidate.company.corporateDomain,
    name_normalized: candidate.company.nameNormalized,
  };
}

function storedStateOf(candidates: IntakeCandidate[], stored: StoredCandidateState[]): StoredIntakeState {
  const state: StoredIntakeState = {
    referralsTodayByReferrer: new Map(),
    referralsTodayByIp: new Map(),
    holders: stored.map((s) => s.holder),
  };
  candidates.forEach((c, i) => {
    state.referralsTodayByReferrer.set(
      referrerKey(c.programId, c.referrerEmail),
      stored[i]!.referralsTodayByReferrer,
    );
    if (c.ip) state.referralsTodayByIp.set(ipKey(c.programId, c.ip), stored[i]!.referralsTodayByIp);
  });
  return state;
}

function referralRow(
  pos: number,
  id: string,
  duplicateOfId: string | null,
  { submission: { input, client }, program, candidate }: Checked,
): AcceptedReferralRow {
  return {
    pos,
    id,
    organization_id: program.organizationId,
    program_id: program.id,
    email: candidate.referrerEmail,
    referrer_name: input.referrerName,
    referrer_phone: input.referrerPhone,
    birth_date: input.referrerBirthDate,
    is_customer: input.referrerIsCustomer,
    locale: resolveLocale(client.locale),
    company_name: input.companyName,
    company_name_normalized: candidate.company.nameNormalized,
    company_cnpj: input.companyCnpj,
    company_cnpj_root: candidate.company.cnpjRoot,
    contact_corporate_domain: candidate.company.corporateDomain,
    contact_name: input.contactName,
    contact_role: input.contactRole,
    contact_department: input.contactDepartment,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    company_size: input.companySize,
    support_agents: input.supportAgents ?? null,
    notes: input.notes ?? null,
    duplicate_of_id: duplicateOfId,
    ip: client.ip ?? null,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    terms_version: program.termsVersion,
  };
}

function auditRow(program: Program, action: string, client: SubmissionClient): AuditRow {
  return {
    organization_id: program.organizationId,
    program_id: program.id,
    action,
    ip: client.ip ?? null,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
  };
}
