// Seeds a helpdesk at scale for the benchmark: N tickets (default 1M) with 5 messages each, streamed
// into PostgreSQL with COPY. The tables' secondary indexes are dropped for the load and rebuilt after
// (their definitions read back from pg_indexes, so they stay those of the migrations), and foreign-key
// triggers are skipped for the load (session_replication_role = replica: a superuser on a bench
// database). Search documents are built from per-sentence tsvectors computed once by the database's
// own helpdesk_search_document, so they are exactly what the product would store.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const SUBJECTS = [
  "Minha indicação não aparece na lista",
  "Dúvida sobre o prêmio da venda",
  "Quando recebo o vale-presente?",
  "Indicação marcada como não qualificada",
  "Como funciona o programa de indicação",
  "Alterar meu telefone de contato",
  "A empresa que indiquei já virou cliente",
  "Problema para acessar o portal",
  "Prazo de entrega do prêmio",
  "Quero indicar mais de uma empresa",
  "Meus dados e LGPD",
  "Indicacao recusada sem motivo",
];
const SENTENCES = [
  "Olá, indiquei uma empresa na semana passada e ainda não vi atualização.",
  "Obrigado pelo retorno, fico no aguardo.",
  "Verificamos sua indicação e ela está com o time comercial.",
  "O prêmio é entregue no mês seguinte ao da venda.",
  "Pode me enviar o CNPJ da empresa indicada?",
  "O contato da empresa disse que não conhecia o programa.",
  "Sua indicação foi recusada porque a empresa já era cliente.",
  "O voucher foi reenviado para o seu e-mail.",
  "Não recebi o código de rastreio da entrega.",
  "Atualizamos seu cadastro, obrigado por avisar.",
  "Gostaria de saber as regras para indicar empresas parceiras.",
  "A venda foi confirmada e você já pode escolher o prêmio no portal.",
  "Ainda não consegui acessar o portal com o link do e-mail.",
  "Enviamos um novo link de acesso, ele vale por trinta minutos.",
  "Preciso corrigir o e-mail do contato que indiquei.",
  "A empresa indicada tem mais de cinquenta atendentes no suporte.",
];
const REASONS = ["referral_status", "reward", "program_rules", "personal_data", "other"];
const DAY = 86_400_000;

type Ids = { organizationId: string; programId: string; participantIds: string[]; agentIds: string[] };

/** Picks by weight: `[[value, weight], …]` with weights summing to 100. */
function weighted<T>(choices: [T, number][], roll: number): T {
  let total = 0;
  for (const [value, weight] of choices) {
    total += weight;
    if (roll < total) return value;
  }
  return choices.at(-1)![0];
}

/** The rare word of a ticket: one of COMPANIES company codes, each on about N / COMPANIES tickets. */
export const COMPANIES = 10_000;
export const companyCode = (n: number) => `cli${String(n % COMPANIES).padStart(5, "0")}`;

/** An integer hash of (n, k): independent-looking rolls per ticket and per property (murmur3's finaliser). */
function mix(n: number, k: number): number {
  let x = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const iso = (ms: number) => new Date(ms).toISOString();
const cell = (value: string | number | boolean | null) => (value === null ? "\\N" : String(value));

async function vectorsOf(client: pg.Client, texts: string[]): Promise<string[]> {
  const { rows } = await client.query<{ v: string }>(
    "select helpdesk_search_document(t)::text as v from unnest($1::text[]) with ordinality as u(t, i) order by i",
    [texts],
  );
  return rows.map((row) => row.v);
}

async function reference(client: pg.Client, participants: number, agents: number): Promise<Ids> {
  const { rows } = await client.query<{ id: string; organization_id: string }>(
    "select id, organization_id from programs where slug = 'desk-manager'",
  );
  const program = rows[0]!;
  await client.query(
    `insert into participants (organization_id, program_id, email, name)
     select $1, $2, 'hd' || g || '@example.com', 'Participante ' || g from generate_series(1, $3) g`,
    [program.organization_id, program.id, participants],
  );
  await client.query(
    `insert into staff_users (organization_id, email, name, role, password_hash)
     select $1, 'agent' || g || '@bench.example.com', 'Agente ' || g, 'support', 'not-a-hash'
     from generate_series(1, $2) g`,
    [program.organization_id, agents],
  );
  const participantIds = (
    await client.query<{ id: string }>("select id from participants where email like 'hd%' order by id")
  ).rows.map((r) => r.id);
  const agentIds = (
    await client.query<{ id: string }>("select id from staff_users where email like 'agent%' order by id")
  ).rows.map((r) => r.id);
  return { organizationId: program.organization_id, programId: program.id, participantIds, agentIds };
}

/** Drops a table's secondary indexes, returning their definitions to rebuild them after the load. */
async function dropIndexes(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    "select indexname, indexdef from pg_indexes where tablename = $1 and indexname not like '%_pkey'",
    [table],
  );
  for (const row of rows) await client.query(`drop index ${row.indexname}`);
  return rows.map((row) => row.indexdef);
}

export type SeedOptions = {
  tickets: number;
  messagesPerTicket: number;
  participants: number;
  agents: number;
};

export async function seedHelpdesk(databaseUrl: string, options: SeedOptions) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = await reference(client, options.participants, options.agents);
    const subjectVectors = await vectorsOf(client, SUBJECTS);
    const sentenceVectors = await vectorsOf(client, SENTENCES);
    const rebuild = [
      ...(await dropIndexes(client, "tickets")),
      ...(await dropIndexes(client, "ticket_messages")),
    ];
    await client.query("set session_replication_role = replica");
    const now = Date.now();
    // Tickets and their messages are generated from the same per-ticket roll, so both streams agree.
    const ticketOf = (n: number) => {
      const roll = (k: number) => mix(n, k) % 100;
      const status = weighted(
        [
          ["closed", 60],
          ["resolved", 33],
          ["open", 5],
          ["pending", 2],
        ],
        roll(1),
      );
      const isActive = status === "open" || status === "pending";
      // Active tickets are recent; the rest spread over three years.
      const createdAt = now - (isActive ? (n % 30) * DAY : (n % 1095) * DAY) - (n % 86_400) * 1000;
      const lastActivityAt = Math.min(now, createdAt + ((n % 5) + 1) * 3_600_000);
      return {
        // Deterministic, so the message stream can regenerate its ticket instead of keeping a million.
        id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
        number: n + 1,
        status,
        isActive,
        priority: weighted(
          [
            ["low", 20],
            ["normal", 60],
            ["high", 15],
            ["urgent", 5],
          ],
          roll(2),
        ),
        situation: roll(3) < 60 ? "awaiting_agent" : "awaiting_participant",
        reason: REASONS[roll(4) % REASONS.length]!,
        participantId: ids.participantIds[n % ids.participantIds.length]!,
        assigneeId: roll(5) < 20 ? null : ids.agentIds[n % ids.agentIds.length]!,
        subject: n % SUBJECTS.length,
        sentences: Array.from(
          { length: options.messagesPerTicket },
          (_, k) => (n * 7 + k * 3) % SENTENCES.length,
        ),
        createdAt,
        lastActivityAt,
      };
    };

    async function* ticketLines() {
      for (let n = 0; n < options.tickets; n++) {
        const t = ticketOf(n);
        const firstDue = t.createdAt + 8 * 3_600_000;
        const resolutionDue = t.createdAt + 48 * 3_600_000;
        const answered = t.situation === "awaiting_participant" || !t.isActive;
        const vector = [
          subjectVectors[t.subject],
          ...t.sentences.map((s) => sentenceVectors[s]),
          `'${companyCode(n)}'`,
        ].join(" ");
        yield `${[
          t.id,
          ids.organizationId,
          ids.programId,
          t.participantId,
          t.number,
          `${SUBJECTS[t.subject]} ${companyCode(n)}`,
          t.reason,
          t.priority,
          t.status,
          t.situation,
          "portal",
          cell(t.assigneeId),
          iso(t.createdAt),
          iso(t.lastActivityAt),
          iso(t.lastActivityAt),
          iso(t.lastActivityAt),
          answered ? iso(t.createdAt + 3_600_000) : "\\N",
          t.status === "resolved" || t.status === "closed" ? iso(t.lastActivityAt) : "\\N",
          t.status === "closed" ? iso(t.lastActivityAt) : "\\N",
          iso(firstDue),
          iso(resolutionDue),
          t.isActive ? iso(answered ? resolutionDue : firstDue) : "\\N",
          t.status === "pending" ? iso(t.lastActivityAt) : "\\N",
          vector,
        ].join("\t")}\n`;
      }
    }
    const ticketColumns =
      "id, organization_id, program_id, participant_id, number, subject, contact_reason, priority, status, situation, channel, assignee_id, created_at, updated_at, last_message_at, last_activity_at, first_response_at, resolved_at, closed_at, first_response_due_at, resolution_due_at, sla_due_at, sla_paused_since, search_vector";
    await pipeline(
      Readable.from(ticketLines()),
      client.query(copyFrom(`copy tickets (${ticketColumns}) from stdin`)),
    );

    async function* messageLines() {
      for (let n = 0; n < options.tickets; n++) {
        const t = ticketOf(n);
        for (let k = 0; k < t.sentences.length; k++) {
          const isStaff = k % 2 === 1;
          const isNote = isStaff && k === 3;
          const text = SENTENCES[t.sentences[k]!]!;
          yield `${[
            randomUUID(),
            t.id,
            ids.organizationId,
            isStaff ? "staff" : "participant",
            isStaff ? (t.assigneeId ?? ids.agentIds[0]!) : "\\N",
            isStaff ? "\\N" : t.participantId,
            isNote,
            isStaff ? "workspace" : "portal",
            text,
            `<p>${text}</p>`,
            iso(t.createdAt + k * 600_000),
          ].join("\t")}\n`;
        }
      }
    }
    const messageColumns =
      "id, ticket_id, organization_id, author_kind, author_staff_id, author_participant_id, is_internal, source, body_text, body_html, created_at";
    await pipeline(
      Readable.from(messageLines()),
      client.query(copyFrom(`copy ticket_messages (${messageColumns}) from stdin`)),
    );
    await client.query("set session_replication_role = origin");
    await client.query("insert into ticket_number_counters (organization_id, last_number) values ($1, $2)", [
      ids.organizationId,
      options.tickets,
    ]);
    await client.query("set maintenance_work_mem = '512MB'");
    for (const definition of rebuild) await client.query(definition);
    await client.query("vacuum analyze tickets");
    await client.query("vacuum analyze ticket_messages");
    return { organizationId: ids.organizationId, agentIds: ids.agentIds };
  } finally {
    await client.end();
  }
}
