import type { TFunction } from "i18next";
import { isApiError } from "../api/api-error";

/** A sentence for the person in front of the screen; server messages are for developers and logs. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("errors.generic");
  if (error.status === 0) return t("errors.network");
  if (error.status === 429) return t("errors.rateLimited");
  switch (error.code) {
    case "invalid_credentials":
      return t("errors.invalidCredentials");
    case "program_not_found":
      return t("errors.programNotFound");
    case "validation_failed":
      return t("errors.validationFailed");
    case "role_forbidden":
      return t("errors.forbidden");
    case "csrf_failed":
      return t("errors.csrfFailed");
    default:
      return error.status === 404 ? t("errors.notFound") : t("errors.generic");
  }
}

/** True when the server refused this field, so the form can mark it beside the input. */
export function hasFieldError(error: unknown, field: string): boolean {
  return isApiError(error) && (error.fields[field]?.length ?? 0) > 0;
}
