import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findParticipantByEmail,
  getParticipantOrThrow,
  upsertParticipant,
} from "../../src/modules/participants/index.js";
import { listOrganizationPrograms } from "../../src/modules/programs/index.js";
import { findStaffUserByEmail, listStaffUsers } from "../../src/modules/staff/index.js";
import { NotFound } from "../../src/platform/http/errors.js";
import { makeParticipant, makeProgram, makeStaff } from "../support/factories.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

describe("tenant isolation in the data-access layer", () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof makeProgram>>;
  let b: Awaited<ReturnType<typeof makeProgram>>;
  beforeAll(async () => {
    t = await createTestApp();
    a = await makeProgram(t.ctx.db);
    b = await makeProgram(t.ctx.db);
  });
  afterAll(() => t.close());

  it("a participant of one program is invisible from another organization's scope", async () => {
    const participant = await makeParticipant(t.ctx.db, a.scope);
    expect(await findParticipantByEmail(t.ctx.db, a.scope, participant.email)).toMatchObject({
      id: participant.id,
    });
    expect(await findParticipantByEmail(t.ctx.db, b.scope, participant.email)).toBeNull();
    await expect(getParticipantOrThrow(t.ctx.db, b.scope, participant.id)).rejects.toBeInstanceOf(NotFound);
  });

  it("a scope naming the right program but the wrong organization finds nothing", async () => {
    const participant = await makeParticipant(t.ctx.db, a.scope);
    const forged = { organizationId: b.scope.organizationId, programId: a.scope.programId };
    expect(await findParticipantByEmail(t.ctx.db, forged, participant.email)).toBeNull();
    await expect(getParticipantOrThrow(t.ctx.db, forged, participant.id)).rejects.toBeInstanceOf(NotFound);
  });

  it("staff and program lists hold only the organization's own rows", async () => {
    const staffA = await makeStaff(t.ctx.db, a.scope.organizationId);
    const staffB = await makeStaff(t.ctx.db, b.scope.organizationId);
    const listA = await listStaffUsers(t.ctx.db, { organizationId: a.scope.organizationId });
    expect(listA.map((s) => s.id)).toContain(staffA.id);
    expect(listA.map((s) => s.id)).not.toContain(staffB.id);
    expect(
      await findStaffUserByEmail(t.ctx.db, { organizationId: a.scope.organizationId }, staffB.email),
    ).toBeNull();
    const programsA = await listOrganizationPrograms(t.ctx.db, { organizationId: a.scope.organizationId });
    expect(programsA.map((p) => p.id)).toEqual([a.program.id]);
  });

  it("the same e-mail is a different participant in each program", async () => {
    const email = "same.person@example.com";
    const inA = await makeParticipantWithEmail(a.scope, email);
    const inB = await makeParticipantWithEmail(b.scope, email);
    expect(inA.id).not.toBe(inB.id);
    expect((await findParticipantByEmail(t.ctx.db, b.scope, email))!.id).toBe(inB.id);
  });

  function makeParticipantWithEmail(scope: typeof a.scope, email: string) {
    return upsertParticipant(t.ctx.db, scope, { email, name: "Same Person" });
  }
});
