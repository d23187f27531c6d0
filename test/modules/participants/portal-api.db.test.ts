import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickets } from "../../../src/modules/helpdesk/schema.js";
import { participants } from "../../../src/modules/participants/schema.js";
import { programs } from "../../../src/modules/programs/schema.js";
import { referrals } from "../../../src/modules/referrals/schema.js";
import { emailOutbox } from "../../../src/platform/mail/schema.js";
import {
  type Auth,
  call,
  moveOk,
  participantAuth,
  signInAs,
  submitChecked,
} from "../../support/back-office.js";
import { makeProgram, unique } from "../../support/factories.js";
import { followSignInLink } from "../../support/portal-sign-in.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

describe("referrer portal API", () => {
  let t: TestApp;
  let slug: string;
  let programId: string;
  let organizationId: string;
  let admin: Auth;
  beforeAll(async () => {
    t = await createTestApp();
    const { program, scope } = await makeProgram(t.ctx.db);
    ({ slug } = program);
    ({ programId, organizationId } = scope);
    admin = (await signInAs(t, organizationId, "admin")).auth;
  });
  afterAll(() => t.close());

  async function referrer() {
    const email = `${unique("rita")}@gmail.com`;
    const ids = [
      await submitChecked(t, slug, { referrerEmail: email }),
      await submitChecked(t, slug, { referrerEmail: email }),
    ];
    const [participant] = await t.ctx.db.select().from(participants).where(eq(participants.email, email));
    return {
      email,
      ids,
      participantId: participant!.id,
      auth: await participantAuth(t, participant!.id, programId),
    };
  }

  it("lists only the referrer's own referrals, with status and reason in the policy's words", async () => {
    const me = await referrer();
    const other = await referrer();
    await moveOk(t, admin, me.ids[0]!, "not_qualified", "contact_problem_or_no_interest");
    const list = (await call(t, me.auth, "GET", "/api/portal/referrals")).json();
    expect(list.items.map((r: { id: string }) => r.id).sort()).toEqual([...me.ids].sort());
    expect(list.counts).toMatchObject({ in_progress: 1, not_qualified: 1 });
    const refused = list.items.find((r: { id: string }) => r.id === me.ids[0]);
    expect(refused.reasonWords["pt-BR"].label).toBe("Problemas com contato ou desinteresse");
    expect(refused.reasonWords.en.label).toBe("Contact problems or no interest");
    expect(refused.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      "in_progress",
      "not_qualified",
    ]);
    expect(refused.events[1]).not.toHaveProperty("note");
    const filtered = (await call(t, me.auth, "GET", "/api/portal/referrals?status=not_qualified")).json();
    expect(filtered.items).toHaveLength(1);
    const paged = (await call(t, me.auth, "GET", "/api/portal/referrals?limit=1")).json();
    const next = (
      await call(t, me.auth, "GET", `/api/portal/referrals?limit=1&cursor=${paged.nextCursor}`)
    ).json();
    expect([paged.items[0].id, next.items[0].id].sort()).toEqual([...me.ids].sort());

    expect((await call(t, me.auth, "GET", `/api/portal/referrals/${other.ids[0]}`)).statusCode).toBe(404);
    expect((await call(t, me.auth, "GET", `/api/portal/referrals/${me.ids[1]}`)).statusCode).toBe(200);
    expect((await call(t, null, "GET", "/api/portal/referrals")).statusCode).toBe(401);
  });

  it("updates the profile with a field error for a bad phone, and honours the status e-mail preference", async () => {
    const me = await referrer();
    const bad = await call(t, me.auth, "PATCH", "/api/portal/profile", { phone: "12" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.phone).toBeDefined();
    const ok = await call(t, me.auth, "PATCH", "/api/portal/profile", {
      phone: "(21) 99876-5432",
      locale: "en",
      wantsStatusEmails: false,
    });
    expect(ok.json()).toMatchObject({ phone: "+5521998765432", locale: "en", wantsStatusEmails: false });
    await moveOk(t, admin, me.ids[0]!, "qualified");
    const mails = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, me.email));
    expect(mails.filter((m) => m.template === "referrals.status-changed")).toHaveLength(0);
  });

  it("leaving ends the session, keeps the history and stops e-mail", async () => {
    const me = await referrer();
    expect((await call(t, me.auth, "POST", "/api/portal/leave", {})).statusCode).toBe(422);
    const [program] = await t.ctx.db.select().from(programs).where(eq(programs.id, programId));
    const opened = await call(t, me.auth, "POST", "/api/portal/tickets", {
      subject: "Dúvida sobre prêmio",
      contactReason: program!.contactReasons[0]!.code,
      message: "Quando chega?",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const left = await call(t, me.auth, "POST", "/api/portal/leave", { confirm: true });
    expect(left.statusCode).toBe(204);
    expect((await call(t, me.auth, "GET", "/api/portal/referrals")).statusCode).toBe(401);
    const [participant] = await t.ctx.db
      .select()
      .from(participants)
      .where(eq(participants.id, me.participantId));
    expect(participant).toMatchObject({ status: "left" });
    const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, opened.json().id));
    expect(ticket!.status).toBe("closed");
    expect(
      await t.ctx.db.select().from(referrals).where(eq(referrals.participantId, me.participantId)),
    ).toHaveLength(2);
    await moveOk(t, admin, me.ids[0]!, "qualified");
    const mails = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, me.email));
    expect(mails.filter((m) => m.template === "referrals.status-changed")).toHaveLength(0);
  });

  it("a referrer who left and refers again stays out until they follow the link e-mailed to the address", async () => {
    const me = await referrer();
    expect((await call(t, me.auth, "POST", "/api/portal/leave", { confirm: true })).statusCode).toBe(204);
    await submitChecked(t, slug, { referrerEmail: me.email });
    const stillOut = async () =>
      (await t.ctx.db.select().from(participants).where(eq(participants.id, me.participantId)))[0]!;
    expect(await stillOut()).toMatchObject({ status: "left" });
    const [invitation] = await t.ctx.db
      .select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.toAddress, me.email), eq(emailOutbox.template, "referrals.referral-received")),
      )
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(invitation!.text).toContain("Você havia saído do programa");
    const link = new URL(invitation!.text!.match(/https?:\/\/\S+\/portal\/auth\/\S+/)![0]);
    // Opening the link's page changes nothing; confirming on it brings the referrer back (issue 16.11).
    const { page, signIn: followed } = await followSignInLink(t.app, link.pathname);
    expect(page.statusCode).toBe(200);
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe("/portal");
    expect(await stillOut()).toMatchObject({ status: "active", leftAt: null });
    expect((await stillOut()).emailVerifiedAt).not.toBeNull();
  });

  it("admins manage materials; referrers read them as sanitised HTML with a share block", async () => {
    const created = await call(t, admin, "POST", `/api/admin/programs/${programId}/materials`, {
      kind: "material",
      title: { "pt-BR": "Apresentação", en: "Deck" },
      bodyMarkdown: { "pt-BR": "**Use** isto <script>alert(1)</script>", en: "" },
      linkUrl: "https://example.com/deck.pdf",
    });
    expect(created.statusCode, created.body).toBe(201);
    // The admins' list shows the body as the portal will: rendered and sanitised.
    const listed = (await call(t, admin, "GET", `/api/admin/programs/${programId}/materials`)).json();
    const listedMaterial = listed.items.find((m: { id: string }) => m.id === created.json().id);
    expect(listedMaterial.bodyHtml["pt-BR"]).toBe("<p><strong>Use</strong> isto </p>\n");
    const bad = await call(t, admin, "POST", `/api/admin/programs/${programId}/materials`, {
      title: { "pt-BR": "", en: "x" },
      bodyMarkdown: { "pt-BR": "", en: "" },
      linkUrl: "javascript:alert(1)",
    });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["linkUrl", "title.pt-BR"]);
    const me = await referrer();
    const read = (await call(t, me.auth, "GET", "/api/portal/materials")).json();
    const material = read.materials.find((m: { id: string }) => m.id === created.json().id);
    expect(material.bodyHtml["pt-BR"]).toBe("<p><strong>Use</strong> isto </p>\n");
    expect(material.bodyHtml.en).toBe(material.bodyHtml["pt-BR"]);
    expect(read.share.landingUrl).toBe(`http://corrente.test/p/${slug}`);
    expect(read.policyTips.length).toBeGreaterThan(0);

    const other = await makeProgram(t.ctx.db);
    const stranger = (await signInAs(t, other.scope.organizationId, "owner")).auth;
    const id = created.json().id;
    expect((await call(t, stranger, "PATCH", `/api/admin/materials/${id}`, { position: 3 })).statusCode).toBe(
      404,
    );
    expect((await call(t, stranger, "GET", `/api/admin/programs/${programId}/materials`)).statusCode).toBe(
      404,
    );
    expect((await call(t, admin, "DELETE", `/api/admin/materials/${id}`)).statusCode).toBe(204);
  });
});
