// Deliberately loose: the server has the last word; this only catches typos before a round trip.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type EmailProblem = "emailRequired" | "emailInvalid";

export function emailProblem(value: string): EmailProblem | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return "emailRequired";
  if (!emailShape.test(trimmed)) return "emailInvalid";
  return undefined;
}
