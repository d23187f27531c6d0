import { describe, expect, it } from "vitest";
import { DEFAULT_MAIL_VARS, loadMailFixture } from "../../../../test/fixtures/mail/load-mail-fixture.js";
import { messageIdList } from "./message-ids.js";
import { parseEmail } from "./parse-email.js";

const vars = DEFAULT_MAIL_VARS;
const fixture = (name: string) => parseEmail(loadMailFixture(name, vars));
const raw = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");

describe("parseEmail and NUL characters", () => {
  it("drops NUL from what is stored (subject, names, text, HTML), which PostgreSQL's text cannot hold", async () => {
    const parsed = await parseEmail(
      raw([
        "From: =?UTF-8?B?QW5hAFNpbHZh?= <ana@example.com>",
        "To: desk@example.com",
        "Subject: =?UTF-8?B?T2zhAA==?=",
        "Message-ID: <nul@example.com>",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("Bom dia\0, tudo bem?").toString("base64"),
      ]),
    );
    expect(parsed.from).toEqual({ address: "ana@example.com", name: "AnaSilva" });
    expect(parsed.subject.includes("\0")).toBe(false);
    expect(parsed.text).toBe("Bom dia, tudo bem?");
  });
});

describe("parseEmail on the corpus", () => {
  it("reads threading headers with angle brackets and lower-cased recipients", async () => {
    const parsed = await fixture("gmail-reply-pt");
    expect(parsed.messageId).toBe("<CAJx8vN0k4P2m7sQ1dRz9YtW3eHf6uLb5cA8gKo2iVnE7pTq4Xw@mail.gmail.com>");
    expect(parsed.inReplyTo).toEqual([vars.IN_REPLY_TO]);
    expect(parsed.references).toEqual([vars.IN_REPLY_TO]);
    expect(parsed.from).toEqual({ address: vars.FROM, name: "Maria Souza" });
    // To and Delivered-To name the same address: listed once.
    expect(parsed.recipients).toEqual([vars.REPLY_TO]);
    expect(parsed.date?.toISOString()).toBe("2026-11-23T17:40:55.000Z");
    expect(parsed.html).toContain('<div class="gmail_quote gmail_quote_container">');
    expect(parsed.headers.get("x-gm-features")).toBe("AQt7F2q1w9e8r7t6y5u4i3o2p1a0s9d8f7g6h5j4k3l2");
  });

  it("decodes ISO-8859-1 quoted-printable bodies and encoded-word headers", async () => {
    const parsed = await fixture("iso-8859-1-qp");
    expect(parsed.from?.name).toBe("João Araújo");
    expect(parsed.subject).toBe("RES: Confirme a sua indicação");
    expect(parsed.text).toContain("Não recebi o e-mail de confirmação da indicação. Vocês podem reenviar?");
    expect(parsed.html).toBeNull();
  });

  it("decodes base64 parts", async () => {
    const parsed = await fixture("base64-body");
    expect(parsed.subject).toBe("RE: Documentos pendentes");
    expect(parsed.text).toContain("Olá! Já enviei os documentos pedidos pelo portal");
    expect(parsed.html).toContain("Mensagem original");
  });

  it("joins format=flowed soft line breaks", async () => {
    const parsed = await fixture("thunderbird-reply-pt");
    expect(parsed.text).toContain("cliente desde outubro, então podem desconsiderar");
  });

  it("derives the text of an HTML-only message from its HTML", async () => {
    const parsed = await fixture("html-only");
    expect(parsed.text).toContain("Gostaria de saber quando recebo o prêmio da indicação aprovada.");
    expect(parsed.html).toContain("<b>prêmio</b>");
  });

  it("lists attachments with their decoded file names", async () => {
    const parsed = await fixture("signature-dashes");
    expect(parsed.attachments).toEqual([
      { fileName: "comprovante-endereço.pdf", contentType: "application/pdf", size: 69 },
    ]);
  });

  it("keeps the delivery-status part of a DSN and the Message-ID of the returned message", async () => {
    const parsed = await fixture("dsn-bounce");
    expect(parsed.deliveryStatus).toContain("Action: failed");
    expect(parsed.deliveryStatus).toContain("Final-Recipient: rfc822; joao.inexistente@example.com.br");
    expect(parsed.returnedMessageId).toBe(vars.IN_REPLY_TO);
    expect(parsed.text).not.toContain("Reporting-MTA");
    expect(parsed.headers.get("return-path")).toBe("<>");
  });

  it("takes envelope recipients from Delivered-To as well as To", async () => {
    const parsed = await fixture("mailing-list");
    expect(parsed.recipients).toEqual(["indicadores@lists.example.org", vars.REPLY_TO]);
  });
});

describe("parseEmail on odd messages", () => {
  it("answers null and empty values when headers are missing", async () => {
    const parsed = await parseEmail(raw(["Content-Type: text/plain", "", "hello"]));
    expect(parsed).toMatchObject({
      messageId: null,
      inReplyTo: [],
      references: [],
      from: null,
      recipients: [],
      subject: "",
      date: null,
      text: "hello\n",
      html: null,
      attachments: [],
      deliveryStatus: null,
      returnedMessageId: null,
    });
  });

  it("answers a null date for an unparseable Date rather than the current time", async () => {
    const parsed = await parseEmail(raw(["Date: sometime last week", "", "x"]));
    expect(parsed.date).toBeNull();
  });

  it("answers a null sender when From holds no address", async () => {
    const parsed = await parseEmail(raw(["From: undisclosed", "", "x"]));
    expect(parsed.from).toBeNull();
  });

  it("lower-cases addresses, unfolds headers and keeps the first occurrence", async () => {
    const parsed = await parseEmail(
      raw([
        "From: Ana <Ana.Souza@Example.COM>",
        "To: Equipe: Bia <BIA@example.com>, carl@example.com;",
        "Cc: <Dora@Example.com>",
        "X-Original-To: <Reply+Tok@Reply.Example>",
        "Envelope-To: eve@example.com",
        "References: <a@x>",
        " <b@x>",
        "\t<c@x>",
        "X-Thing: first",
        "X-Thing: second",
        "",
        "x",
      ]),
    );
    expect(parsed.from).toEqual({ address: "ana.souza@example.com", name: "Ana" });
    expect(parsed.recipients).toEqual([
      "bia@example.com",
      "carl@example.com",
      "dora@example.com",
      "reply+tok@reply.example",
      "eve@example.com",
    ]);
    expect(parsed.references).toEqual(["<a@x>", "<b@x>", "<c@x>"]);
    expect(parsed.headers.get("references")).toBe("<a@x> <b@x>\t<c@x>");
    expect(parsed.headers.get("x-thing")).toBe("first");
  });
});

describe("messageIdList", () => {
  it.each([
    ["<a@x>", ["<a@x>"]],
    ["  <a@x>  <b@y>", ["<a@x>", "<b@y>"]],
    ["<a@x>,<b@y>", ["<a@x>", "<b@y>"]],
    ["a@x b@y", ["<a@x>", "<b@y>"]],
    ["a@x, b@y", ["<a@x>", "<b@y>"]],
    ["", []],
    ["not an id", []],
  ])("%j -> %j", (value, ids) => {
    expect(messageIdList(value)).toEqual(ids);
  });
});
