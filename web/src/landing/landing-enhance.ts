// Progressive enhancement of the public referral form (served as /p-assets/landing.js, built on its own
// by vite.landing.config.ts): masks for CNPJ and phone, and checks as you leave a field, with the same
// validators the server and the portal use (src/shared). The server checks everything again; without
// this script the form works the same.
import { isValidCnpj, maskCnpj } from "@shared/cnpj";
import { isAtLeast, isValidIsoDate } from "@shared/dates";
import { isPlausibleEmail } from "@shared/email";
import { isPlausiblePhone, maskPhone } from "@shared/phone-input";

type Field = HTMLInputElement | HTMLSelectElement;

const masks: Record<string, (value: string) => string> = { cnpj: maskCnpj, phone: maskPhone };

function enhance(form: HTMLFormElement) {
  const isEnglish = document.documentElement.lang === "en";
  const say = (pt: string, english: string) => (isEnglish ? english : pt);

  const problem = (input: Field): string => {
    const isCheckbox = input instanceof HTMLInputElement && input.type === "checkbox";
    const value = isCheckbox ? (input as HTMLInputElement).checked : input.value.trim();
    if (input.required && !value) return say("Campo obrigatório.", "This field is required.");
    if (!value || isCheckbox) return "";
    const text = String(value);
    if (input instanceof HTMLInputElement && input.type === "email" && !isPlausibleEmail(text))
      return say("E-mail inválido.", "This e-mail is not valid.");
    if (input.dataset.mask === "cnpj" && !isValidCnpj(text))
      return say("CNPJ inválido.", "This CNPJ is not valid (check the digits).");
    if (input.dataset.mask === "phone" && !isPlausiblePhone(text))
      return say("Telefone inválido.", "This phone number is not valid.");
    return ageProblem(input, text);
  };

  // The program's age rule, with the others: an under-age referrer hears it at once, not last.
  const ageProblem = (input: Field, text: string): string => {
    const { minimumAge, today } = input.dataset;
    if (!minimumAge || !today) return "";
    if (!isValidIsoDate(text)) return say("Data inválida.", "Enter a valid date.");
    return isAtLeast(text, Number(minimumAge), today)
      ? ""
      : say(`É preciso ter ${minimumAge} anos ou mais.`, `You must be ${minimumAge} or older to take part.`);
  };

  const show = (input: Field): boolean => {
    const message = problem(input);
    let note = document.getElementById(`${input.name}-error`);
    if (message && !note) {
      note = document.createElement("span");
      note.className = "err";
      note.id = `${input.name}-error`;
      input.parentElement?.appendChild(note);
    }
    if (note) note.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (message && note) input.setAttribute("aria-describedby", note.id);
    return !message;
  };

  for (const input of form.querySelectorAll<HTMLInputElement>("[data-mask]")) {
    const mask = masks[input.dataset.mask ?? ""];
    if (mask) input.addEventListener("input", () => (input.value = mask(input.value)));
  }
  const fields = [...form.querySelectorAll<Field>("input:not([name=website]), select")];
  for (const input of fields) input.addEventListener("blur", () => show(input));
  form.addEventListener("submit", (event) => {
    const invalid = fields.filter((input) => !show(input));
    if (invalid.length > 0) {
      event.preventDefault();
      invalid[0]?.focus();
    }
  });
}

const form = document.getElementById("referral-form");
if (form instanceof HTMLFormElement) enhance(form);
