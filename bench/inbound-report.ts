// The inbound e-mail scenario as bench/run.ts runs and reports it (the measuring is in
// bench/inbound-scenario.ts, in its own process).
export const INBOUND_HEADING = "## Inbound e-mail (PostgreSQL)";

export type InboundResult = {
  messages: number;
  tickets: number;
  connections: number;
  ingestRps: number;
  ingestP50: number;
  ingestP99: number;
  errors: number;
  non2xx: number;
  processSeconds: number;
  processedPerSecond: number;
  /** CPU time per message while processing: the worker process, and PostgreSQL's backends. */
  workerCpuMsPerMessage: number;
  databaseCpuMsPerMessage: number;
  notificationsWritten: number;
  notificationsSentDuringProcessing: number;
  /** From the worker's start until every notification written was sent. */
  allSentSeconds: number;
  statuses: Record<string, number>;
  /** Ticket messages that came from these e-mails, and how many distinct e-mails they came from. */
  ticketMessagesPosted: number;
  ticketMessagesDistinct: number;
  failedAttempts: number;
  serverPeakRssMb: number;
  workerPeakRssMb: number;
  loadAverage: number[];
};

export function inboundMarkdown(r: InboundResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([status, n]) => `${status} ${n}`)
    .join(", ");
  return [
    INBOUND_HEADING,
    "",
    `${r.messages.toLocaleString("en")} real-shaped messages from the test corpus (Gmail, Outlook, Apple Mail, Thunderbird replies, HTML-only, base64, ISO-8859-1, auto-replies, strangers), each with its own Message-ID, bound to ${r.tickets} tickets an agent answered. First posted to \`POST /api/inbound/email\` of a production web process (${r.connections} connections; stored raw with its job), then processed by one \`corrente worker\`: parse, classify, route (reply token), post to the ticket and write the team's notification e-mail to the outbox (rendered when sent), a hundred messages per transaction.`,
    "",
    "| phase | messages/s | p50 ms | p99 ms | errors | non-2xx | worker CPU ms/message | PostgreSQL CPU ms/message | peak RSS MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| HTTP door: store + enqueue | ${r.ingestRps} | ${r.ingestP50} | ${r.ingestP99} | ${r.errors} | ${r.non2xx} | | | ${r.serverPeakRssMb} |`,
    `| worker: parse + classify + route + post (${r.processSeconds} s) | ${r.processedPerSecond} | | | ${r.failedAttempts} failed attempts | | ${r.workerCpuMsPerMessage} | ${r.databaseCpuMsPerMessage} | ${r.workerPeakRssMb} |`,
    "",
    `The worker phase runs from the worker being ready to the last message processed. Its CPU figures (the worker process; PostgreSQL's backends of this database) include whatever else the worker did meanwhile: it also sends the team's notifications, ${r.notificationsSentDuringProcessing} of the ${r.notificationsWritten} written by then (all sent ${r.allSentSeconds} s after the worker started).`,
    "",
    `Where they went: ${statuses}; ticket messages posted from them: ${r.ticketMessagesPosted} (from ${r.ticketMessagesDistinct} distinct e-mails). Load average at the end: ${r.loadAverage.join(" / ")}. \`npm run bench -- --inbound\` runs only this scenario and rewrites only this section.`,
    "",
    "Target (issue: inbound e-mail): ≥ 500 messages/s through parse + route + store on this machine.",
    "",
  ].join("\n");
}
