// One test per message of the corpus in test/fixtures/mail: what the parser reads, how the message is
// classified, and exactly what text a helpdesk message would keep.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAIL_VARS,
  loadMailFixture,
  mailFixtureNames,
} from "../../../../test/fixtures/mail/load-mail-fixture.js";
import { classifyEmail, type EmailClassification } from "./classify-email.js";
import { extractReply } from "./extract-reply.js";
import { parseEmail } from "./parse-email.js";

const vars = DEFAULT_MAIL_VARS;
const classifyOptions = { ownAddresses: ["programa@corrente.test"], ownDomain: vars.REPLY_DOMAIN };
const person: EmailClassification = { kind: "person" };

type Expectation = {
  fromName: string;
  subject: string;
  classification: EmailClassification;
  /** Exactly the text kept. */
  text: string;
  /** Exactly the safe HTML kept, when it is worth pinning. */
  html?: string;
  /** Text that must be gone from both text and HTML (quoted history, signatures). */
  stripped: string[];
};

const corpus: Record<string, Expectation> = {
  "gmail-reply-pt": {
    fromName: "Maria Souza",
    subject: "Re: Sua indicação precisa de correção",
    classification: person,
    text: "Oi, tudo bem?\n\nJá corrigi o CNPJ da indicação da Padaria Estrela. Podem verificar de novo?\n\nObrigada,\nMaria",
    html:
      "<p>Oi, tudo bem?</p><p><br /></p><p>Já corrigi o CNPJ da indicação da Padaria Estrela. Podem verificar de novo?</p>" +
      "<p><br /></p><p>Obrigada,</p><p>Maria</p>",
    stripped: ["escreveu", "Olá, Maria!", "não confere"],
  },
  "gmail-reply-en": {
    fromName: "John Smith",
    subject: "Re: Your reward is ready",
    classification: person,
    text: "Hi,\n\nThanks, the reward page works now. I picked the gift card.\n\nJohn",
    stripped: ["wrote:", "Hello John", "choose it in the portal"],
  },
  "outlook-reply-pt": {
    fromName: "Ana Lúcia Ferreira",
    subject: "RE: Sua indicação precisa de correção",
    classification: person,
    text: "Bom dia,\n\nSegue o CNPJ correto da empresa indicada: 12.345.678/0001-95.\n\nAtenciosamente,\nAna Lúcia Ferreira",
    stripped: ["De:", "Enviado:", "Assunto:", "Olá, Ana!", "______"],
  },
  "outlook-reply-en": {
    fromName: "Peter Walsh",
    subject: "RE: Your referral is under review",
    classification: person,
    text:
      "Hello,\n\nThe company I referred (Bright Bakery) already signed the contract last week. " +
      "Could you update the status?\n\nKind regards,\nPeter Walsh",
    stripped: ["From:", "Sent:", "Subject:", "Hello Peter", "under review."],
  },
  "apple-mail-reply-pt": {
    fromName: "Rafael Costa",
    subject: "Re: Podemos seguir com a indicação?",
    classification: person,
    text: "Pode sim, obrigado! A reunião com eles ficou para terça.",
    html: "<p>Pode sim, obrigado! A reunião com eles ficou para terça.</p>",
    stripped: ["Enviado do meu iPhone", "escreveu", "Oficina Boa Vista"],
  },
  "thunderbird-reply-pt": {
    fromName: "João Pereira",
    subject: "Re: Recebemos a sua indicação",
    classification: person,
    // format=flowed: the soft line break after "outubro, " joins the two lines.
    text: "Bom dia! Confirmo que a empresa indicada já é cliente desde outubro, então podem desconsiderar essa indicação.",
    stripped: ["escreveu", "Pereira & Filhos", "Pereira Contabilidade", "-- "],
  },
  "html-only": {
    fromName: "Carla Mendes",
    subject: "Re: Sua indicação foi aprovada",
    classification: person,
    text: "Bom dia,\n\nGostaria de saber quando recebo o prêmio da indicação aprovada.\n\nCarla",
    html:
      "<p>Bom dia,</p><p><br /></p><p>Gostaria de saber quando recebo o <b>prêmio</b> da indicação aprovada.</p>" +
      "<p><br /></p><p>Carla</p>",
    stripped: ["escreveu", "Sua indicação foi aprovada!"],
  },
  "base64-body": {
    fromName: "Bruno Alves",
    subject: "RE: Documentos pendentes",
    classification: person,
    text: "Olá! Já enviei os documentos pedidos pelo portal, podem conferir?",
    html: "<p>Olá! Já enviei os documentos pedidos pelo portal, podem conferir?</p>",
    stripped: ["Samsung", "Mensagem original", "Faltam documentos"],
  },
  "iso-8859-1-qp": {
    fromName: "João Araújo",
    subject: "RES: Confirme a sua indicação",
    classification: person,
    text: "Olá,\n\nNão recebi o e-mail de confirmação da indicação. Vocês podem reenviar?\nAté logo,\nJoão Araújo",
    html: "<p>Olá,</p><p>Não recebi o e-mail de confirmação da indicação. Vocês podem reenviar?<br />Até logo,<br />João Araújo</p>",
    stripped: ["Mensagem original", "Enviada em", "pelo link abaixo"],
  },
  "auto-reply-vacation-pt": {
    fromName: "Maria Souza",
    subject: "Re: Sua indicação foi aprovada",
    classification: { kind: "automatic", reason: "auto_submitted" },
    text: "Olá! Estou de férias até 30/11 e sem acesso ao e-mail. Respondo na volta.\nMaria",
    stripped: [],
  },
  "exchange-out-of-office": {
    fromName: "Ana Lúcia Ferreira",
    subject: "Resposta automática: Sua indicação foi aprovada",
    classification: { kind: "automatic", reason: "auto_response_suppress" },
    text: "Estou fora do escritório até 27/11, com acesso limitado ao e-mail.\nEm caso de urgência, fale com Pedro (pedro@example.com.br).",
    stripped: [],
  },
  "dsn-bounce": {
    fromName: "Mail Delivery System",
    subject: "Undelivered Mail Returned to Sender",
    classification: {
      kind: "bounce",
      failedRecipients: [{ address: "joao.inexistente@example.com.br", status: "5.1.1", isPermanent: true }],
    },
    // A bounce never becomes a message; its text is what an agent would see in the quarantine.
    text: [
      "This is the mail system at host smtp.corrente.test.",
      "",
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      "",
      "For further assistance, please send mail to postmaster.",
      "",
      "If you do so, please include this problem report. You can",
      "delete your own text from the attached returned message.",
      "",
      "                   The mail system",
      "",
      "<joao.inexistente@example.com.br>: host mx.example.com.br[203.0.113.25] said:",
      "    550 5.1.1 <joao.inexistente@example.com.br>: Recipient address rejected:",
      "    User unknown in virtual mailbox table (in reply to RCPT TO command)",
    ].join("\n"),
    stripped: ["Reporting-MTA"],
  },
  "mailing-list": {
    fromName: "Paulo Nunes",
    subject: "[Indicadores] Encontro de parceiros em dezembro",
    classification: { kind: "automatic", reason: "mailing_list" },
    text: [
      "Pessoal, o encontro de parceiros será no dia 10 de dezembro. Confirmem presença.",
      "",
      "_______________________________________________",
      "Indicadores mailing list -- indicadores@lists.example.org",
      "To unsubscribe send an email to indicadores-leave@lists.example.org",
    ].join("\n"),
    stripped: [],
  },
  "forged-token": {
    fromName: "Maria Souza",
    subject: "Re: Minha indicação",
    classification: person,
    text: "Oi, quero saber da minha indicação.",
    html: "<p>Oi, quero saber da minha indicação.</p>",
    stripped: ["escreveu", "Olá!"],
  },
  "reply-to-closed-ticket": {
    fromName: "Maria Souza",
    subject: "Re: [Chamado #42] Indicação sumiu do portal",
    classification: person,
    text: "O problema voltou: a indicação da Padaria Estrela sumiu do portal de novo.",
    stripped: ["escreveu", "Seu chamado foi resolvido"],
  },
  "unknown-sender": {
    fromName: "Carlos Lima",
    subject: "Como participo do programa?",
    classification: person,
    text: "Boa tarde, vi o programa de indicações no site. Como faço para participar?\n\nCarlos",
    stripped: [],
  },
  "signature-dashes": {
    fromName: "João Pereira",
    subject: "Re: Comprovante da indicação",
    classification: person,
    text: "Bom dia,\n\nSegue em anexo o comprovante de endereço da empresa.",
    html: "<p>Bom dia,</p><p>Segue em anexo o comprovante de endereço da empresa.</p>",
    stripped: ["-- ", "Pereira Contabilidade", "5555-0100"],
  },
  "own-address-loop": {
    fromName: "Programa Corrente",
    subject: "Sua indicação foi recebida",
    classification: { kind: "automatic", reason: "own_address" },
    text: "Olá! Recebemos a sua indicação.",
    stripped: [],
  },
  "inline-reply-en": {
    fromName: "John Smith",
    subject: "Re: Two questions about your referral",
    classification: person,
    // Answers under the quotes they answer: nothing above the attribution, so the whole text stays.
    text:
      "On Fri, Nov 20, 2026 at 10:15 AM Corrente Program <programa@corrente.test> wrote:\n" +
      "> Is the company already a customer?\n\nNo, not yet.\n\n> Who is the contact person?\n\n" +
      "Mary Jones, the office manager.",
    stripped: [],
  },
};

describe("the inbound mail corpus", () => {
  it("has an expectation and a README entry for every fixture", () => {
    const readme = readFileSync(
      path.resolve(import.meta.dirname, "../../../../test/fixtures/mail/README.md"),
      "utf8",
    );
    expect(Object.keys(corpus).sort()).toEqual(mailFixtureNames());
    for (const name of mailFixtureNames()) expect(readme).toContain(`\`${name}.eml\``);
  });

  for (const [name, expected] of Object.entries(corpus)) {
    it(`${name}: parses, classifies and keeps only what was written now`, async () => {
      const parsed = await parseEmail(loadMailFixture(name, vars));
      expect(parsed.from?.name).toBe(expected.fromName);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.date).toBeInstanceOf(Date);
      expect(parsed.messageId).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
      expect(classifyEmail(parsed, classifyOptions)).toEqual(expected.classification);

      const reply = extractReply(parsed);
      expect(reply.text).toBe(expected.text);
      if (expected.html !== undefined) expect(reply.html).toBe(expected.html);
      for (const gone of expected.stripped) {
        expect(reply.text).not.toContain(gone);
        expect(reply.html).not.toContain(gone);
      }
      expect(reply.html).not.toMatch(/<(script|style|div|blockquote)\b/i);
    });
  }
});
