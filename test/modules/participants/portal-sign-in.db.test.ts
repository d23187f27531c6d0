import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, portalSignInLinks } from "../../../src/modules/participants/schema.js";
import { SIGN_IN_LINKS_PER_HOUR } from "../../../src/modules/participants/sign-in-links.js";
import { localJobs } from "../../../src/platform/jobs/schema.js";
import { devMailbox } from "../../../src/platform/mail/schema.js";
import { makeParticipant, makeProgram } from "../../support/factories.js";
import { followSignInLink, SIGN_IN_PAGE_COOKIE, signInForm } from "../../support/portal-sign-in.js";
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
    const { signIn: spent } = await followSignInLink(t.app, url);
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
    const { page, signIn: tampered } = await followSignInLink(
      t.app,
      `${plain.slice(TEST_APP_URL.length)}?next=${encodeURIComponent("//evil.example")}`,
    );
    expect(signInForm(page).action).not.toContain("evil");
    expect(tampered.statusCode).toBe(303);
    expect(tampered.headers.location).toBe("/portal");
  });

  it("a link signs in once: the second use is refused", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    await requestLink(program.slug, participant.email);
    await t.drainJobs();
    const url = await linkFromMail(participant.email);

    const { page, signIn: first } = await followSignInLink(t.app, url);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/portal");
    const cookie = first.cookies.find((c) => c.name === "corrente_portal")!;
    const session = await t.app.inject({
      method: "GET",
      url: "/api/portal/session",
      headers: { cookie: `corrente_portal=${cookie.value}` },
    });
    expect(session.json().participant.id).toBe(participant.id);

    // Spent: its page is gone, and posting the first page's form again opens nothing.
    const second = await t.app.inject({ method: "GET", url });
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(`/portal/login?program=${program.slug}&error=link_invalid`);
    const form = signInForm(page);
    const replayed = await t.app.inject({
      method: "POST",
      url: form.action,
      headers: { cookie: form.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ confirmation: form.confirmation }).toString(),
    });
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe(`/portal/login?program=${program.slug}&error=link_invalid`);
    for (const answer of [second, replayed]) {
      expect(answer.cookies.find((c) => c.name === "corrente_portal")).toBeUndefined();
    }
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
    const { signIn } = await followSignInLink(t.app, await linkFromMail(participant.email));
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

  it("an unknown program gets the same 202 as any request, and nothing is sent (issue 16.11)", async () => {
    const { program, scope } = await makeProgram(t.ctx.db);
    const participant = await makeParticipant(t.ctx.db, scope);
    const known = await requestLink(program.slug, participant.email);
    const jobsBefore = await t.ctx.db.$count(localJobs);
    const unknown = await requestLink("no-such-program", participant.email);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.headers["content-type"]).toBe(known.headers["content-type"]);
    expect(unknown.body).toBe(known.body);
    expect(await t.ctx.db.$count(localJobs)).toBe(jobsBefore);
    await t.drainJobs();
    expect(await mailTo(participant.email)).toHaveLength(1); // the known program's link only
  });

  describe("the link asks to confirm before the session starts (login CSRF, issue 16.11)", () => {
    async function freshLink(locale?: string) {
      const { program, scope } = await makeProgram(t.ctx.db);
      const participant = await makeParticipant(t.ctx.db, scope);
      await requestLink(program.slug, participant.email, locale);
      await t.drainJobs();
      return { program, participant, url: await linkFromMail(participant.email) };
    }
    const unusedLinks = (participantId: string) =>
      t.ctx.db.$count(
        portalSignInLinks,
        and(eq(portalSignInLinks.participantId, participantId), isNull(portalSignInLinks.usedAt)),
      );

    it("GET shows 'Entrar como r…@e….com' and a form, sets no session and spends nothing", async () => {
      const { participant, url } = await freshLink();
      const page = await t.app.inject({ method: "GET", url });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.headers["referrer-policy"]).toBe("no-referrer");
      expect(page.body).toContain(`Entrar como ${participant.email[0]}…@e….com`);
      expect(page.body).not.toContain(participant.email);
      expect(page.body).toMatch(/<form action="\/portal\/auth\/[^"]+" method="post">/);
      expect(page.cookies.find((c) => c.name === "corrente_portal")).toBeUndefined();
      const confirm = page.cookies.find((c) => c.name === SIGN_IN_PAGE_COOKIE)!;
      expect(confirm).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/portal/auth" });
      // Opened again (a mail scanner, a second tab): still the page, the link still unused.
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(200);
      expect(await unusedLinks(participant.id)).toBe(1);
    });

    it("the page speaks the referrer's language", async () => {
      const { participant, url } = await freshLink("en");
      await t.ctx.db.update(participants).set({ locale: "en" }).where(eq(participants.id, participant.id));
      const page = await t.app.inject({ method: "GET", url });
      expect(page.body).toContain(`Sign in as ${participant.email[0]}…@e….com`);
    });

    it("POST from the page starts the session and spends the link", async () => {
      const { participant, url } = await freshLink();
      const { signIn } = await followSignInLink(t.app, url);
      expect(signIn.statusCode).toBe(303);
      const cookie = signIn.cookies.find((c) => c.name === "corrente_portal")!;
      const session = await t.app.inject({
        method: "GET",
        url: "/api/portal/session",
        headers: { cookie: `corrente_portal=${cookie.value}` },
      });
      expect(session.json().participant.id).toBe(participant.id);
      expect(await unusedLinks(participant.id)).toBe(0);
    });

    it("a cross-site post (another site's form) starts no session and leaves the link unused", async () => {
      const { participant, url } = await freshLink();
      const form = signInForm(await t.app.inject({ method: "GET", url }));
      const attempts = [
        // The attacker's page posts the link with no cookie of ours (SameSite=Strict keeps it home).
        { headers: {}, payload: "" },
        { headers: {}, payload: new URLSearchParams({ confirmation: form.confirmation }).toString() },
        // Even holding the page's value and cookie, a post the browser marks as cross-site is refused.
        {
          headers: { cookie: form.cookie, "sec-fetch-site": "cross-site" },
          payload: new URLSearchParams({ confirmation: form.confirmation }).toString(),
        },
        // A cookie without the page's value, or with another page's value.
        { headers: { cookie: form.cookie }, payload: "confirmation=forged" },
      ];
      for (const attempt of attempts) {
        const response = await t.app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/x-www-form-urlencoded", ...attempt.headers },
          payload: attempt.payload,
        });
        expect(response.statusCode, JSON.stringify(attempt)).toBe(303);
        expect(response.headers.location).toBe(url); // back to the page, which asks again
        expect(response.cookies.find((c) => c.name === "corrente_portal")).toBeUndefined();
      }
      expect(await unusedLinks(participant.id)).toBe(1);
      // The referrer's own click still works afterwards.
      expect((await followSignInLink(t.app, url)).signIn.headers.location).toBe("/portal");
    });
  });
});
