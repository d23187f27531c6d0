import { isPlausibleEmail } from "@shared/email";

export type EmailProblem = "emailRequired" | "emailInvalid";

export function emailProblem(value: string): EmailProblem | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return "emailRequired";
  if (!isPlausibleEmail(trimmed)) return "emailInvalid";
  return undefined;
}
