import type { Locale } from "../i18n/locale.js";

/** What an e-mail says, once; the layout turns it into HTML and plain text alike. */
export type EmailContent = {
  subject: string;
  /** Shown by mail clients beside the subject. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action (e.g. why the reader got this e-mail). */
  footnote?: string;
};

export type EmailTemplate<TData> = {
  id: string;
  /** Automatic messages carry Auto-Submitted so auto-responders do not answer them (RFC 3834). */
  isAutomatic: boolean;
  /**
   * Mail the reader asked for just now (a sign-in link): it goes even to an address suppressed because
   * it bounced, since the request says the mailbox may work again and the sign-in that follows lifts
   * the suppression. An objection still stops it.
   */
  isRequestedByReader?: boolean;
  render(data: TData, locale: Locale): EmailContent;
};

const templatesById = new Map<string, EmailTemplate<unknown>>();

/**
 * Declares a template and makes it known by id: bulk mail is rendered by the send job from the data
 * stored in the outbox, so a worker must find the template from the row alone.
 */
export function defineEmailTemplate<TData>(template: EmailTemplate<TData>): EmailTemplate<TData> {
  templatesById.set(template.id, template as EmailTemplate<unknown>);
  return template;
}

export function getEmailTemplateOrThrow(id: string): EmailTemplate<unknown> {
  const template = templatesById.get(id);
  if (!template) throw new Error(`No e-mail template "${id}" is defined in this process`);
  return template;
}
