import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import {
  type DraftField,
  type Problem,
  type Problems,
  problemFromServer,
  problemsOf,
  type ReferralDraft,
  type TextField,
} from "./referral-draft";

/**
 * The referral form's state: what is typed, the problems the form found itself and those the server
 * answered (422), and the sentence to show beside each field.
 */
export function useReferralDraft(initial: ReferralDraft, minimumAge: number, error: unknown) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  // A field changed after the server refused it no longer shows the server's complaint; the fields
  // are counted per answer, so a new refusal shows all its complaints again.
  const [edited, setEdited] = useState({ after: error, fields: new Set<DraftField>() });
  const editedSinceError = edited.after === error ? edited.fields : new Set<DraftField>();
  const serverFields = isApiError(error) && error.status === 422 ? error.fields : {};

  function change<F extends DraftField>(field: F, value: ReferralDraft[F]) {
    setDraft((current) => ({ ...current, [field]: value }));
    setProblems(({ [field]: _dropped, ...rest }) => rest as Problems);
    setEdited((current) => ({
      after: error,
      fields: new Set(current.after === error ? current.fields : []).add(field),
    }));
  }

  // As on the landing page: a field is checked when you leave it, then again with all the others on submit.
  function leave(field: TextField) {
    const problem = problemsOf(draft, minimumAge)[field];
    setProblems(
      ({ [field]: _dropped, ...rest }) => (problem ? { ...rest, [field]: problem } : rest) as Problems,
    );
  }

  /** Every problem at once; true when there is none. */
  function checkAll(): boolean {
    const found = problemsOf(draft, minimumAge);
    setProblems(found);
    return Object.keys(found).length === 0;
  }

  const say = (problem: Problem) => t(`portal.refer.problems.${problem.code}`, { n: problem.n });
  function messageOf(field: DraftField): string | undefined {
    const local = problems[field];
    if (local) return say(local);
    const server = editedSinceError.has(field) ? undefined : serverFields[field]?.[0];
    if (!server) return undefined;
    const known = problemFromServer(server);
    if (known) return say(known);
    // A sentence this page does not know yet: the server writes pt-BR, so only a pt-BR page shows it as is.
    return i18n.resolvedLanguage === "pt-BR" ? server : t("validation.fieldInvalid");
  }

  const hasFieldErrors = Object.keys(problems).length > 0 || Object.keys(serverFields).length > 0;
  return { draft, change, leave, checkAll, messageOf, hasFieldErrors };
}
