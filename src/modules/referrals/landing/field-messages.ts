import type { Locale } from "../../../platform/i18n/locale.js";

// The intake schema speaks pt-BR; the English landing page shows these instead.
const english: [RegExp, string | ((m: RegExpMatchArray) => string)][] = [
  [/^Informe seu nome|^Informe o nome do contato/, "Enter the name."],
  [/^Informe seu e-mail|^Informe o e-mail do contato/, "Enter the e-mail."],
  [/^Informe o nome da empresa/, "Enter the company's name."],
  [/^Informe o cargo/, "Enter the contact's role."],
  [/^Informe (o telefone|sua data)/, "This field is required."],
  [/^E-mail inválido/, "This e-mail is not valid."],
  [/^Telefone inválido/, "This phone number is not valid."],
  [/^CNPJ inválido/, "This CNPJ is not valid (check the digits)."],
  [/^Data inválida/, "Enter a valid date."],
  [/^É preciso ter (\d+) anos/, (m) => `You must be ${m[1]} or older to take part.`],
  [/^É preciso aceitar os termos/, "You must accept the program rules."],
  [
    /^Seu contato precisa saber/,
    "Your contact must know you are referring them; otherwise the referral does not count.",
  ],
  [/^Confirme que os dados/, "Confirm the data was not bought or taken from a list."],
  [/^Não é possível indicar a própria empresa/, "You cannot refer your own company."],
  [/^Informe o e-mail do seu contato/, "Enter your contact's e-mail, not yours."],
  [/^Escolha o departamento/, "Choose the department."],
  [/^Escolha o porte/, "Choose the company size."],
  [/^Use no máximo (\d+)/, (m) => `Use at most ${m[1]} characters.`],
  [/^Informe um número/, "Enter a whole number."],
];

export function fieldMessage(message: string, locale: Locale): string {
  if (locale === "pt-BR") return message;
  for (const [pattern, replacement] of english) {
    const match = message.match(pattern);
    if (match) return typeof replacement === "string" ? replacement : replacement(match);
  }
  return "Check this field.";
}
