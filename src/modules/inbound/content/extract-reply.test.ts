import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractReply } from "./extract-reply.js";
import type { ParsedEmail } from "./parse-email.js";

function parsedEmail(text: string, html: string | null = null): ParsedEmail {
  return {
    messageId: "<m@example.com>",
    inReplyTo: [],
    references: [],
    from: { address: "maria@example.com.br", name: "Maria" },
    recipients: [],
    subject: "Re: Sua indicação",
    date: null,
    text,
    html,
    headers: new Map(),
    attachments: [],
    deliveryStatus: null,
    returnedMessageId: null,
  };
}

describe("extractReply: HTML", () => {
  it.each([
    [
      "Gmail",
      '<div dir="ltr">Oi</div><div class="gmail_quote"><div class="gmail_attr">Em … escreveu:</div><blockquote>antigo</blockquote></div>',
    ],
    [
      "Outlook on the web",
      '<div>Oi</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>De:</b> x</div><div>antigo</div>',
    ],
    [
      "Outlook without appendonsend",
      '<div>Oi</div><hr><div id="divRplyFwdMsg" dir="ltr"><b>De:</b> x</div><div>antigo</div>',
    ],
    ["new Outlook", '<div>Oi</div><div id="mail-editor-reference-message-container"><b>De:</b> antigo</div>'],
    [
      "Outlook desktop",
      '<p class="MsoNormal">Oi</p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>De:</b> antigo</p></div>',
    ],
    [
      "Apple Mail",
      '<div dir="ltr">Oi</div><div dir="ltr"><br><blockquote type="cite">Em … escreveu:<br></blockquote></div><blockquote type="cite">antigo</blockquote>',
    ],
    [
      "Thunderbird",
      '<p>Oi</p><div class="moz-cite-prefix">Em 20/11/2026 10:15, Programa escreveu:<br></div><blockquote type="cite">antigo</blockquote>',
    ],
    ["Yahoo", '<div>Oi</div><div id="yahoo_quoted_1" class="yahoo_quoted">antigo</div>'],
  ])("cuts %s's quoted history", (_, html) => {
    const reply = extractReply(parsedEmail("Oi\n\n> antigo", html));
    expect(reply.html).toBe("<p>Oi</p>");
    expect(reply.text).toBe("Oi");
  });

  it.each([
    [
      "Gmail's signature",
      '<div>Oi</div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Maria<br>ACME</div>',
    ],
    ["Thunderbird's signature", '<p>Oi</p><pre class="moz-signature" cols="72">-- \nMaria</pre>'],
    ["a device line", '<div>Oi</div><div><br></div><div dir="ltr">Enviado do meu iPhone</div>'],
    [
      "Outlook mobile's line",
      '<div>Oi</div><div id="ms-outlook-mobile-signature">Obter o <a href="https://aka.ms/x">Outlook para Android</a></div>',
    ],
  ])("drops %s", (_, html) => {
    expect(extractReply(parsedEmail("Oi", html)).html).toBe("<p>Oi</p>");
  });

  it("sanitizes what it keeps", () => {
    const html =
      '<div onclick="x()">Oi <a href="javascript:alert(1)">aqui</a><script>alert(1)</script><img src=x onerror=y></div>';
    expect(extractReply(parsedEmail("Oi aqui", html)).html).toBe(
      '<p>Oi <a rel="noopener noreferrer nofollow" target="_blank">aqui</a></p>',
    );
  });

  it("keeps the whole HTML when the cut would leave nothing", () => {
    const html =
      '<div class="moz-cite-prefix">Em 20/11/2026 10:15, Programa escreveu:</div><blockquote type="cite">q?</blockquote><p>resposta</p>';
    const reply = extractReply(
      parsedEmail("Em 20/11/2026 10:15, Programa escreveu:\n> q?\n\nresposta", html),
    );
    expect(reply.html).toBe(
      "<p>Em 20/11/2026 10:15, Programa escreveu:</p><blockquote>q?</blockquote><p>resposta</p>",
    );
    expect(reply.text).toBe("Em 20/11/2026 10:15, Programa escreveu:\n> q?\n\nresposta");
  });

  it("builds the HTML from the kept text when the HTML has no marker the text part has", () => {
    const html = "<p>Oi</p><p>-----Mensagem original-----<br>De: Programa</p><p>antigo</p>";
    const reply = extractReply(
      parsedEmail("Oi\n\n-----Mensagem original-----\nDe: Programa\n\nantigo", html),
    );
    expect(reply).toEqual({ text: "Oi", html: "<p>Oi</p>" });
  });

  it("keeps an HTML message with no history as it is, sanitized", () => {
    expect(extractReply(parsedEmail("Oi\ntudo bem", "<p>Oi<br>tudo <em>bem</em></p>")).html).toBe(
      "<p>Oi<br />tudo <em>bem</em></p>",
    );
  });

  it("stays fast on a hostile HTML body", () => {
    const started = performance.now();
    extractReply(parsedEmail("x", `<div${" class=gmail".repeat(100_000)}${"<div".repeat(100_000)}`));
    extractReply(parsedEmail("x", `<div${" class=gmail_quoteX".repeat(400)}>x</div>`.repeat(200)));
    extractReply(parsedEmail("x", `<div style="${"border-top: solid ".repeat(2_000)}">x</div>`.repeat(20)));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("extractReply: plain text", () => {
  it("builds escaped HTML with paragraphs and line breaks from the kept text", () => {
    const reply = extractReply(parsedEmail('Oi <Ana> & "Bia",\nsegue.\n\nAbraço\n\n-- \nAna'));
    expect(reply).toEqual({
      text: 'Oi <Ana> & "Bia",\nsegue.\n\nAbraço',
      html: '<p>Oi &lt;Ana&gt; &amp; "Bia",<br />segue.</p><p>Abraço</p>',
    });
  });

  it("keeps the whole text when the person wrote only below the quote", () => {
    const text = "On Fri, Nov 20, 2026 at 10:15 AM Program wrote:\n> Is it a customer?\n\nNo.";
    expect(extractReply(parsedEmail(text)).text).toBe(text);
  });

  it("keeps the whole text when it is all quoted", () => {
    expect(extractReply(parsedEmail("> Olá\n> antigo\n")).text).toBe("> Olá\n> antigo");
  });

  it("answers empty text and HTML for an empty message", () => {
    expect(extractReply(parsedEmail(""))).toEqual({ text: "", html: "" });
  });
});

describe("extractReply: any message", () => {
  const line = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      "> quoted",
      "-- ",
      "Enviado do meu iPhone",
      "Em 20/11/2026 10:15, Programa escreveu:",
      "On Fri, Nov 20, 2026 at 10:15 AM Program wrote:",
      "-----Mensagem original-----",
      "De: Programa <p@x.test>",
      "Enviado: sexta-feira, 20 de novembro de 2026 10:15",
      "Assunto: Oi",
      "",
    ),
  );

  it("keeps only lines that were written, and never loses a non-blank message", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join("\n");
        const reply = extractReply(parsedEmail(text));
        const written = new Set(
          text
            .replace(/\r\n?/g, "\n")
            .split("\n")
            .map((each) => each.trim()),
        );
        for (const kept of reply.text.split("\n")) expect(written).toContain(kept.trim());
        expect(reply.text === "").toBe(text.trim() === "");
        expect(reply.html).not.toMatch(/<script/i);
      }),
    );
  });
});
