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
  render(data: TData, locale: Locale): EmailContent;
};

export function defineEmailTemplate<TData>(template: EmailTemplate<TData>): EmailTemplate<TData> {
  return template;
}
