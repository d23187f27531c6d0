import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalSignInLinks } from "../../../src/modules/participants/schema.js";
import { SIGN_IN_LINKS_PER_HOUR } from "../../../src/modules/participants/sign-in-links.js";
import { devMailbox } from "../../../src/platform/mail/schema.js";
import { makeParticipant, makeProgram } from "../../support/factories.js";
import { createTestApp, TEST_APP_URL, type TestApp } from "../../support/test-app.js";

describe("referrer sign-in links", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // Distinct client addresses keep these requests under the per-address rate limit of the route.
  let clientNumber = 0;
  const requestLink = (programSlug: string, email: string, locale?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/portal/login",
      remoteAddress: `198.51.100.${++clientNumber}`,
      payload: { programSlug, email, locale },
    });

  async function mailTo(email: string) {
    return t.ctx.db.select().from(devMailbox).where(eq(devMailbox.toAddress, email));
  }

  async function linkFromMail(email: string): Promise<string> {
    const [mail] = await mailTo(email);
    const url = mail!.links.find((link) => link.startsWith(`${TEST_APP_URL}/portal/auth/`))!;
    return url.slice(TEST_APP_URL.length);
  }

  it("answers a known and an unknown address identically, and mails only the known one", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const known = await requestLink(program.slug, participant.email);
    const unknown = await requestLink(program.slug, "stranger@example.com");
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    await t.drainJobs();
    expect(await mailTo(participant.email)).toHaveLength(1);
    expect(await mailTo("stranger@example.com")).toHaveLength(0);
  });

  it("e-mails a link in the referrer's language, with a reply address and automatic-mail headers", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    await requestLink(program.slug, participant.email, "en-US");
    await t.drainJobs();
    const [mail] = await mailTo(participant.email);
    expect(mail!.subject).toBe(`Your sign-in link to ${program.name}`);
    expect(mail!.html).toContain("Sign in to My Referrals");
    expect(mail!.text).toContain(`${TEST_APP_URL}/portal/auth/`);
    expect(mail!.replyTo).toMatch(/^reply\+[a-z2-7]{42}@corrente\.test$/);
    expect(mail!.headers["Auto-Submitted"]).toBe("auto-generated");
  });

  it("a link requested from a portal page opens that page once signed in; never another site", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const next = "/portal/referrals/6f1c2b1e-3c1d-4a8e-9b1f-2d3c4b5a6f70";
    const asked = await t.app.inject({
      method: "POST",
      url: "/api/portal/login",
      remoteAddress: `198.51.100.${++clientNumber}`,
      payload: { programSlug: program.slug, email: participant.email, next },
    });
    expect(asked.statusCode).toBe(202);
    await t.drainJobs();
    const url = await linkFromMail(participant.email);
    expect(url).toContain(`?next=${encodeURIComponent(next)}`);
    const spent = await t.app.inject({ method: "GET", url });
    expect(spent.headers.location).toBe(next);

    for (const unsafe of [
      "//evil.example/portal",
      "/portal/../admin",
      "https://evil.example",
      "/portal/auth/x",
    ]) {
      const refused = await t.app.inject({
        method: "POST",
        url: "/api/portal/login",
        remoteAddress: `198.51.100.${++clientNumber}`,
        payload: { programSlug: program.slug, email: participant.email, next: unsafe },
      });
      expect(refused.statusCode, unsafe).toBe(422);
      expect(refused.json().error.fields.next).toBeDefined();
    }
    // A link whose `next` was edited by hand still signs in, to the portal's home.
    await requestLink(program.slug, participant.email);
    await t.drainJobs();
    const mails = await mailTo(participant.email);
    const plain = mails
      .flatMap((mail) => mail.links)
      .find((link) => link.startsWith(`${TEST_APP_URL}/portal/auth/`) && !link.includes("next="))!;
    const tampered = await t.app.inject({
      method: "GET",
      url: `${plain.slice(TEST_APP_URL.length)}?next=${encodeURIComponent("//evil.example")}`,
    });
    expect(tampered.statusCode).toBe(303);
    expect(tampered.headers.location).toBe("/portal");
  });

  it("a link signs in once: the second use is refused", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    await requestLink(program.slug, participant.email);
    await t.drainJobs();
    const url = await linkFromMail(participant.email);

    const first = await t.app.inject({ method: "GET", url });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/portal");
    const cookie = first.cookies.find((c) => c.name === "corrente_portal")!;
    const session = await t.app.inject({
      method: "GET",
      url: "/api/portal/session",
      headers: { cookie: `corrente_portal=${cookie.value}` },
    });
    expect(session.json().participant.id).toBe(participant.id);

    const second = await t.app.inject({ method: "GET", url });
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(`/portal/login?program=${program.slug}&error=link_invalid`);
    expect(second.cookies.find((c) => c.name === "corrente_portal")).toBeUndefined();
  });

  it("an expired link is refused", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    await requestLink(program.slug, participant.email);
    await t.drainJobs();
    await t.ctx.db
      .update(portalSignInLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(portalSignInLinks.participantId, participant.id));
    const response = await t.app.inject({ method: "GET", url: await linkFromMail(participant.email) });
    expect(response.headers.location).toContain("error=link_invalid");
    const unknownToken = await t.app.inject({ method: "GET", url: "/portal/auth/not-a-real-token" });
    expect(unknownToken.headers.location).toBe("/portal/login?error=link_invalid");
  });

  it("logout revokes the referrer's session", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    await requestLink(program.slug, participant.email);
    await t.drainJobs();
    const signIn = await t.app.inject({ method: "GET", url: await linkFromMail(participant.email) });
    const cookie = `corrente_portal=${signIn.cookies.find((c) => c.name === "corrente_portal")!.value}`;
    const { csrfToken } = (
      await t.app.inject({ method: "GET", url: "/api/portal/session", headers: { cookie } })
    ).json();
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/portal/logout",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/portal/session", headers: { cookie } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ participant: null });
  });

  it(`sends at most ${SIGN_IN_LINKS_PER_HOUR} links an hour to one address`, async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    for (let i = 0; i < SIGN_IN_LINKS_PER_HOUR + 2; i++) {
      await requestLink(program.slug, participant.email);
    }
    await t.drainJobs();
    expect(await mailTo(participant.email)).toHaveLength(SIGN_IN_LINKS_PER_HOUR);
    const links = await t.ctx.db
      .select()
      .from(portalSignInLinks)
      .where(
        and(eq(portalSignInLinks.participantId, participant.id), eq(portalSignInLinks.programId, program.id)),
      );
    expect(links).toHaveLength(SIGN_IN_LINKS_PER_HOUR);
  });

  it("an unknown program is a 404", async () => {
    const response = await requestLink("no-such-program", "a@example.com");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("program_not_found");
  });
});
