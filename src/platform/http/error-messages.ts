// Every error body in the caller's language (Accept-Language): the `message` by its stable code, and
// each field message from the pt-BR (or English) text the schemas and use cases write. Codes and field
// names never change with the language; only the words do. A code or field message this table does
// not know keeps its own words (the CSV import's line-by-line problems, for one).
import type { Locale } from "../i18n/locale.js";
import type { ErrorBody } from "./errors.js";

type Words = Record<Locale, string>;
const words = (ptBR: string, en: string): Words => ({ "pt-BR": ptBR, en });

const messagesByCode: Record<string, Words> = {
  validation_failed: words("Alguns campos estão inválidos.", "Some fields are invalid."),
  malformed_json: words("O corpo da requisição não é um JSON válido.", "The request body is not valid JSON."),
  body_too_large: words("O corpo da requisição é grande demais.", "The request body is too large."),
  unsupported_media_type: words("Envie o corpo como application/json.", "Send the body as application/json."),
  invalid_content_length: words(
    "O cabeçalho Content-Length está errado.",
    "The Content-Length header is wrong.",
  ),
  bad_request: words("A requisição não pôde ser entendida.", "The request could not be understood."),
  nul_character: words(
    "O endereço contém um caractere NUL (%00).",
    "The address contains a NUL character (%00).",
  ),
  invalid_cursor: words(
    "Cursor inválido: use o nextCursor da página anterior.",
    "Invalid cursor: use the previous page's nextCursor.",
  ),
  request_timeout: words("A requisição demorou demais para chegar.", "The request took too long to arrive."),
  headers_too_large: words(
    "Os cabeçalhos da requisição são grandes demais.",
    "The request headers are too large.",
  ),
  not_found: words("Não encontrado.", "Not found."),
  route_not_found: words("Este endereço não existe.", "There is no such address."),
  rate_limited: words("Muitas requisições; tente de novo mais tarde.", "Too many requests; try again later."),
  internal_error: words("Algo deu errado do nosso lado.", "Something went wrong on our side."),
  unauthenticated: words("Entre primeiro.", "Sign in first."),
  invalid_credentials: words("E-mail ou senha incorretos.", "E-mail or password is wrong."),
  forbidden: words("Você não pode fazer isto.", "You may not do this."),
  role_forbidden: words("Seu papel não permite fazer isto.", "Your role may not do this."),
  csrf_failed: words(
    "Token CSRF ausente ou errado; recarregue a página e tente de novo.",
    "Missing or wrong CSRF token; reload the page and try again.",
  ),
  secret_missing: words("Credenciais ausentes.", "Missing credentials."),
  secret_invalid: words("Credenciais erradas.", "Wrong credentials."),
  inbound_disabled: words(
    "O recebimento de e-mails não está configurado (INBOUND_SECRET).",
    "Inbound e-mail is not configured (INBOUND_SECRET).",
  ),
  daily_limit_reached: words(
    "Indicações demais desta rede hoje.",
    "Too many referrals from this network today.",
  ),
  program_not_running: words(
    "Este programa não está recebendo indicações agora.",
    "This program is not accepting referrals now.",
  ),
  program_not_found: words("Programa não encontrado.", "Program not found."),
  organization_not_found: words("Organização não encontrada.", "Organization not found."),
  participant_not_found: words("Participante não encontrado.", "Participant not found."),
  staff_not_found: words("Pessoa da equipe não encontrada.", "Staff user not found."),
  referral_not_found: words("Indicação não encontrada.", "No such referral."),
  ticket_not_found: words("Atendimento não encontrado.", "No such ticket."),
  material_not_found: words("Material não encontrado.", "No such material."),
  canned_reply_not_found: words("Resposta pronta não encontrada.", "No such canned reply."),
  inbound_email_not_found: words("E-mail não encontrado.", "No such e-mail."),
  reward_item_not_found: words("Item do catálogo não encontrado.", "No such catalog item."),
  reward_offer_not_found: words("Prêmio não encontrado.", "No such reward offer."),
  illegal_transition: words(
    "Essa mudança de status não é possível a partir do status atual.",
    "This status change is not possible from the current status.",
  ),
  contact_confirmation_required: words(
    "Este programa só qualifica uma indicação depois que o contato a confirma.",
    "This program qualifies a referral only after the referred contact confirms it.",
  ),
  stale_referral: words(
    "A indicação mudou enquanto isso; recarregue e tente de novo.",
    "The referral changed meanwhile; reload and try again.",
  ),
  sale_already_recorded: words(
    "Uma venda já foi confirmada para esta indicação.",
    "A sale was already confirmed for this referral.",
  ),
  offer_already_chosen: words("Este prêmio já foi escolhido.", "This reward was already chosen."),
  offer_already_delivered: words("Este prêmio já foi entregue.", "This reward was already delivered."),
  offer_not_chosen: words(
    "O indicador ainda não escolheu o prêmio.",
    "The referrer has not chosen the reward yet.",
  ),
  reward_item_unavailable: words(
    "Este item não está mais disponível: escolha outro entre os atuais.",
    "This item is no longer available: choose another among the current ones.",
  ),
  ticket_closed_for_messages: words(
    "Este atendimento foi encerrado: abra um novo para escrever à equipe.",
    "This ticket is closed: open a new one to write to the team again.",
  ),
  staff_email_taken: words(
    "Já existe uma conta da equipe com este e-mail.",
    "A staff account with this e-mail already exists.",
  ),
  inbound_email_not_quarantined: words("Este e-mail já foi tratado.", "This e-mail was already handled."),
};

// Field messages are written in pt-BR by the schemas (a few in English); the other language's words.
const fieldWords: [pt: RegExp, en: RegExp, words: Words | ((m: RegExpMatchArray) => Words)][] = [
  [
    /^Informe o e-mail|^Informe seu e-mail/,
    /^Enter the e-mail/,
    words("Informe o e-mail.", "Enter the e-mail."),
  ],
  [/^Informe a senha/, /^Enter the password/, words("Informe a senha.", "Enter the password.")],
  [/^Informe (seu|o) nome/, /^Enter the name/, words("Informe o nome.", "Enter the name.")],
  [
    /^Informe o nome da empresa/,
    /^Enter the company/,
    words("Informe o nome da empresa.", "Enter the company's name."),
  ],
  [
    /^Informe o cargo/,
    /^Enter the contact's role/,
    words("Informe o cargo do contato.", "Enter the contact's role."),
  ],
  [/^E-mail inválido/, /^This e-mail is not valid/, words("E-mail inválido.", "This e-mail is not valid.")],
  [
    /^Telefone inválido/,
    /^This phone number/,
    words("Telefone inválido.", "This phone number is not valid."),
  ],
  [/^CNPJ inválido/, /^This CNPJ/, words("CNPJ inválido.", "This CNPJ is not valid (check the digits).")],
  [
    /^Data inválida/,
    /^Enter a valid date/,
    words("Data inválida (use AAAA-MM-DD).", "Enter a valid date (YYYY-MM-DD)."),
  ],
  [/^A date is required/, /^Informe a data/, words("Informe a data.", "A date is required.")],
  [/^A status is required/, /^Escolha o status/, words("Escolha o status.", "A status is required.")],
  [/^Nothing to change/, /^Nada a mudar/, words("Nada a mudar.", "Nothing to change.")],
  [
    /^Cursor inválido/,
    /^Invalid cursor/,
    words(
      "Cursor inválido: use o nextCursor da página anterior.",
      "Invalid cursor: use the previous page's nextCursor.",
    ),
  ],
  [/^Escreva a mensagem/, /^Write the message/, words("Escreva a mensagem.", "Write the message.")],
  [
    /^Escreva um assunto/,
    /^Write a subject/,
    words("Escreva um assunto com pelo menos 3 caracteres.", "Write a subject of at least 3 characters."),
  ],
  [
    /^Escolha o motivo do contato|^Escolha um dos motivos/,
    /^Choose (one of the program's|the) contact reason/,
    words("Escolha um dos motivos de contato do programa.", "Choose one of the program's contact reasons."),
  ],
  [
    /^Escolha uma das (suas|indicações)/,
    /^Choose one of the (your|participant's) referrals/,
    words("Escolha uma das indicações do participante.", "Choose one of the participant's referrals."),
  ],
  [
    /^Escolha uma pessoa/,
    /^Choose a (staff|team)/,
    words(
      "Escolha uma pessoa ativa da equipe desta organização.",
      "Choose an active member of this organization's team.",
    ),
  ],
  [
    /^Escolha o departamento/,
    /^Choose the department/,
    words("Escolha o departamento.", "Choose the department."),
  ],
  [
    /^Escolha o porte/,
    /^Choose the company size/,
    words("Escolha o porte da empresa.", "Choose the company size."),
  ],
  [
    /^É preciso ter (\d+) anos/,
    /^You must be (\d+)/,
    (m) => words(`É preciso ter ${m[1]} anos ou mais.`, `You must be ${m[1]} or older to take part.`),
  ],
  [
    /^Use no máximo (\d+)/,
    /^Use at most (\d+)/,
    (m) => words(`Use no máximo ${m[1]} caracteres.`, `Use at most ${m[1]} characters.`),
  ],
  [
    /^Digite ao menos (\d+)/,
    /^Type at least (\d+)/,
    (m) => words(`Digite ao menos ${m[1]} caracteres.`, `Type at least ${m[1]} characters.`),
  ],
];

// Zod's own messages (fields without a message of ours) are English.
const zodWords: [RegExp, Words][] = [
  [/^Too small/, words("Valor curto ou pequeno demais.", "Too short or too small.")],
  [/^Too big/, words("Valor longo ou grande demais.", "Too long or too large.")],
  [/^Invalid (option|enum)/, words("Escolha uma das opções.", "Choose one of the options.")],
  [/^Unrecognized key/, words("Campo desconhecido.", "Unknown field.")],
  [/^Invalid (input|string|UUID|email|URL|ISO|date)/i, words("Valor inválido.", "Invalid value.")],
];

/** A field message in `locale`: as written when it already is, else its translation, else a generic one. */
export function fieldMessageIn(message: string, locale: Locale): string {
  const wordsOf = (translation: (typeof fieldWords)[number][2], match: RegExpMatchArray) =>
    typeof translation === "function" ? translation(match) : translation;
  for (const [pt, en, translation] of fieldWords) {
    // A message already in the reader's language stays as written (it may say more than the table).
    const asPortuguese = message.match(pt);
    if (asPortuguese) return locale === "pt-BR" ? message : wordsOf(translation, asPortuguese)[locale];
    const asEnglish = message.match(en);
    if (asEnglish) return locale === "en" ? message : wordsOf(translation, asEnglish)[locale];
  }
  const zod = zodWords.find(([pattern]) => pattern.test(message));
  if (zod) return zod[1][locale];
  // Words the table does not know stay as written: a detail (a CSV's line, a limit) is worth more than
  // a translation that says less.
  return message;
}

/** The body with its message and field messages in `locale`; code, fields' names and details kept. */
export function inLocale(body: ErrorBody, locale: Locale): ErrorBody {
  const { code, message, fields, ...details } = body.error;
  const translated = messagesByCode[code]?.[locale] ?? message;
  const localizedFields = fields
    ? Object.fromEntries(
        Object.entries(fields).map(([name, messages]) => [
          name,
          messages.map((m) => fieldMessageIn(m, locale)),
        ]),
      )
    : undefined;
  return {
    error: { code, message: translated, ...(localizedFields ? { fields: localizedFields } : {}), ...details },
  };
}
