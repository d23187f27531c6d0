// Helpdesk e-mails. Everything here is text: the layout renders it with React, which escapes it, so a
// `<script>` in a subject or message reaches the reader as the characters typed, never as markup.
import type { Locale } from "../../../platform/i18n/locale.js";
import { defineEmailTemplate } from "../../../platform/mail/template.js";

/** The message as the layout's paragraphs: one per non-empty line, as the writer broke them. */
export function messageParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const ticketTag = (number: number) => `[#${number}]`;

type AgentReplyData = {
  participantName: string;
  programName: string;
  ticketNumber: number;
  subject: string;
  agentName: string;
  message: string;
  ticketUrl: string;
};

// An agent's reply reaches the referrer by e-mail (DESIGN: "reply (the reply shows in the portal and is
// e-mailed)"). Written by a person, so not marked automatic: the referrer's auto-responder may answer,
// and the inbound side recognises and drops such answers.
export const agentReplyEmail = defineEmailTemplate<AgentReplyData>({
  id: "helpdesk.agent-reply",
  isAutomatic: false,
  render: (d, locale) => {
    const isEnglish = locale === "en";
    return {
      subject: `Re: ${d.subject} ${ticketTag(d.ticketNumber)}`,
      preheader: isEnglish
        ? `${d.agentName} answered your request.`
        : `${d.agentName} respondeu sua solicitação.`,
      heading: isEnglish ? `Hello, ${d.participantName}` : `Olá, ${d.participantName}`,
      paragraphs: [
        isEnglish
          ? `${d.agentName} answered your request #${d.ticketNumber}, “${d.subject}”:`
          : `${d.agentName} respondeu sua solicitação #${d.ticketNumber}, “${d.subject}”:`,
        ...messageParagraphs(d.message),
      ],
      action: { label: isEnglish ? "See the conversation" : "Ver a conversa", url: d.ticketUrl },
      footnote: isEnglish
        ? `Answer by replying to this e-mail or in the portal. — ${d.programName} team`
        : `Responda a este e-mail ou pelo portal. — Equipe do ${d.programName}`,
    };
  },
});

type ParticipantMessageData = {
  participantName: string;
  participantEmail: string;
  programName: string;
  ticketNumber: number;
  subject: string;
  message: string;
  isNewTicket: boolean;
  ticketUrl: string;
};

// A referrer wrote: the ticket's assignee, or the organization's support team when nobody has it, hears
// of it at once.
export const participantMessageEmail = defineEmailTemplate<ParticipantMessageData>({
  id: "helpdesk.participant-message",
  isAutomatic: true,
  render: (d, locale) => {
    const isEnglish = locale === "en";
    const what = staffWording(d, locale);
    return {
      subject: `${ticketTag(d.ticketNumber)} ${what.subjectPrefix}: ${d.subject}`,
      preheader: `${d.participantName} <${d.participantEmail}>`,
      heading: what.heading,
      paragraphs: [
        isEnglish
          ? `${d.participantName} (${d.participantEmail}) wrote on ${d.programName}:`
          : `${d.participantName} (${d.participantEmail}) escreveu no ${d.programName}:`,
        ...messageParagraphs(d.message),
      ],
      action: { label: isEnglish ? "Open in the helpdesk" : "Abrir no helpdesk", url: d.ticketUrl },
      footnote: isEnglish
        ? "You receive this as an agent of the program's helpdesk."
        : "Você recebe este e-mail como agente do helpdesk do programa.",
    };
  },
});

function staffWording(d: ParticipantMessageData, locale: Locale) {
  if (locale === "en") {
    return d.isNewTicket
      ? { subjectPrefix: "New request", heading: `New request #${d.ticketNumber}` }
      : { subjectPrefix: "New message", heading: `New message on #${d.ticketNumber}` };
  }
  return d.isNewTicket
    ? { subjectPrefix: "Nova solicitação", heading: `Nova solicitação #${d.ticketNumber}` }
    : { subjectPrefix: "Nova mensagem", heading: `Nova mensagem em #${d.ticketNumber}` };
}
