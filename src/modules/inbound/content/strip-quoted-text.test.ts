import { describe, expect, it } from "vitest";
import { stripQuotedText } from "./strip-quoted-text.js";

const REPLY = "Segue o CNPJ.\nObrigado!";
const lines = (...all: string[]) => all.join("\n");

describe("stripQuotedText: where quoted history starts", () => {
  it.each([
    [
      "Gmail pt-BR attribution",
      "Em sex., 20 de nov. de 2026 às 10:15, Programa <programa@corrente.test> escreveu:",
    ],
    [
      "Gmail pt-BR attribution over two lines",
      "Em sex., 20 de nov. de 2026 às 10:15, Programa Corrente <\nprograma@corrente.test> escreveu:",
    ],
    [
      "Gmail English attribution",
      "On Fri, Nov 20, 2026 at 10:15 AM Corrente <programa@corrente.test> wrote:",
    ],
    [
      "English attribution over two lines",
      "On Fri, Nov 20, 2026 at 10:15 AM Corrente Program\n<programa@corrente.test> wrote:",
    ],
    [
      "attribution over three lines",
      "On Fri, Nov 20, 2026 at 10:15 AM\nCorrente Program\n<programa@corrente.test> wrote:",
    ],
    [
      "Apple pt-BR attribution",
      "Em 20 de nov. de 2026, à(s) 10:15, Programa Corrente <programa@corrente.test> escreveu:",
    ],
    ["Thunderbird pt-BR attribution", "Em 20/11/2026 10:15, Programa Corrente escreveu:"],
    ["Spanish attribution", "El vie, 20 nov 2026 a las 10:15, Programa (<programa@corrente.test>) escribió:"],
    ["Outlook pt-BR separator", "-----Mensagem original-----\nDe: Programa"],
    ["Outlook English separator", "-----Original Message-----\nFrom: Program"],
    ["Samsung separator", "-------- Mensagem original --------"],
    [
      "Outlook pt-BR header block",
      "________________________________\nDe: Programa Corrente <programa@corrente.test>\nEnviado: sexta-feira, 20 de novembro de 2026 10:15\nPara: Maria\nAssunto: Sua indicação",
    ],
    [
      "Outlook English header block",
      "From: Corrente Program <programa@corrente.test>\nSent: Friday, November 20, 2026 10:15 AM\nTo: John\nSubject: Your referral",
    ],
    [
      "Outlook header block in bold (Gmail's text of an Outlook mail)",
      "*From:* Corrente Program <programa@corrente.test>\n*Sent:* Friday, November 20, 2026 10:15 AM\n*To:* John\n*Subject:* Your referral",
    ],
    [
      "Outlook classic pt-BR header block",
      "De: Programa Corrente [mailto:programa@corrente.test]\nEnviada em: sexta-feira, 20 de novembro de 2026 10:15\nPara: João\nAssunto: Confirme",
    ],
    ["Enviado do meu iPhone", "Enviado do meu iPhone"],
    ["Sent from my iPhone", "Sent from my iPhone"],
    ["Enviado do meu Android", "Enviado do meu Android"],
    ["Sent from Outlook", "Sent from Outlook for Android"],
    ["Obter o Outlook para iOS", "Obter o Outlook para iOS"],
    ["Get Outlook for iOS", "Get Outlook for iOS<https://aka.ms/o0ukef>"],
    ["Samsung signature", "Enviado do meu smartphone Samsung Galaxy."],
    ["the '-- ' signature separator", "-- \nMaria Souza\n(11) 5555-0100"],
    ["the signature separator without its space", "--\nMaria Souza"],
  ])("%s", (_, marker) => {
    const message = lines(
      REPLY,
      "",
      marker,
      "",
      "> Olá, Maria!",
      "> Texto antigo.",
      "",
      "Texto antigo solto.",
    );
    expect(stripQuotedText(message)).toBe(REPLY);
  });

  it("drops trailing `>` quotes with no attribution", () => {
    expect(stripQuotedText(lines(REPLY, "", "> Olá", ">", "> antigo"))).toBe(REPLY);
  });

  it("drops an attribution without a date that introduces `>` quotes", () => {
    expect(stripQuotedText(lines(REPLY, "", "Programa Corrente escreveu:", "> Olá"))).toBe(REPLY);
  });

  it("keeps answers written between quoted lines, with their quotes", () => {
    const inline = lines("> Já é cliente?", "Não.", "", "> Quem é o contato?", "A Ana.");
    expect(stripQuotedText(inline)).toBe(inline);
  });

  it("answers nothing when everything is history, so the caller keeps the whole message", () => {
    expect(stripQuotedText(lines("On Fri, Nov 20, 2026 at 10:15 AM Program wrote:", "> q?", "a"))).toBe("");
    expect(stripQuotedText("> only a quote")).toBe("");
  });

  it("normalises CRLF, trailing spaces and runs of blank lines", () => {
    expect(stripQuotedText("\r\n\r\nOi,  \r\n\r\n\r\n\r\nTudo bem?\r\n\r\n-- \r\nAna")).toBe(
      "Oi,\n\nTudo bem?",
    );
  });
});

describe("stripQuotedText: what is not history", () => {
  it.each([
    ["a sentence that starts with Em", "Em relação ao CNPJ, já corrigi."],
    ["a sentence that starts with On", "On Monday I will send the documents."],
    ["a sentence ending in escreveu: without a date", "Em resposta ao que vocês escreveram: obrigado."],
    ["From: in prose, without Sent/Subject", "From: my side everything is fine."],
    ["De: without the rest of the block", "De: acordo com o combinado, segue."],
    ["a dash inside a line", "Use o formulário -- ou ligue."],
    ["three dashes as a divider", "Primeiro ponto\n---\nSegundo ponto"],
    [
      "Sent from in a long sentence",
      `Sent from my office yesterday, ${"the documents were all there ".repeat(4).trim()}`,
    ],
    ["an e-mail address in a sentence", "Meu e-mail novo é ana@example.com, podem atualizar?"],
  ])("%s stays", (_, text) => {
    expect(stripQuotedText(text)).toBe(text);
  });
});

describe("stripQuotedText: hostile input", () => {
  it("stays linear on long lines that nearly look like markers", () => {
    const started = performance.now();
    stripQuotedText(`On ${"a ".repeat(200_000)}x\nEm ${"1 ".repeat(200_000)}\n${"> ".repeat(200_000)}`);
    stripQuotedText(`${"De: x\n".repeat(50_000)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
