// The `inbound.process` job, one per stored message (the door enqueues it with the message): it runs a
// batch that takes its message with the received ones after it (process-batch.ts). Most jobs then
// find their message already processed by an earlier job's batch in this process and finish without a
// statement. A job completes only once its own message is processed, so a message whose batch failed,
// or that another worker held, is still retried by its job (with the queue's backoff) as before.
import type { JobOutcome } from "../../platform/jobs/job.js";
import { type InboundDeps, processAlone, processReceivedBatch } from "./process-batch.js";

/** Messages this process processed lately: their jobs are done without asking the database. */
const REMEMBERED = 50_000;

export function createInboundProcessHandler(deps: InboundDeps) {
  const processedHere = new Set<string>();
  const inFlight = new Map<string, Promise<unknown>>();

  const remember = (ids: string[]) => {
    for (const id of ids) processedHere.add(id);
    for (const id of processedHere) {
      if (processedHere.size <= REMEMBERED) break;
      processedHere.delete(id);
    }
  };

  return async ({ inboundEmailId: id }: { inboundEmailId: string }): Promise<JobOutcome> => {
    // Held by a batch of this process still running: its outcome answers this job, else the message
    // (held back as a reply to a message of that batch, or failed there) goes alone.
    const holder = inFlight.get(id);
    if (holder) await holder.catch(() => {});
    if (processedHere.has(id)) return { status: "skipped", detail: "processed in a batch" };
    if (holder) return processAlone(deps, id);
    let held: string[] = [];
    const batch = processReceivedBatch(deps, id, {
      onClaimed: (ids) => {
        held = ids;
        for (const claimed of ids) inFlight.set(claimed, batch);
      },
    });
    try {
      const result = await batch;
      remember(result.processed);
      if (result.processed.includes(id)) {
        return { status: "done", detail: `batch of ${result.processed.length}` };
      }
      if (result.failed.has(id)) throw result.failed.get(id);
    } finally {
      for (const claimed of held) inFlight.delete(claimed);
    }
    // Not in its batch: another worker's batch holds it (skipped once that commits), or it was done.
    return processAlone(deps, id);
  };
}
