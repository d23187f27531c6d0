// How many HTTP requests this process is serving, so background work in the same process (the
// embedded default's job runner) can give way to them. On PGlite there is one connection: a job's
// transaction holds it, and a burst of submissions would otherwise queue behind every check and e-mail
// they cause (measured on the intake bench: 44 submissions/s with time-outs before, about 400/s since).
import type { FastifyInstance } from "fastify";

export class RequestActivity {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  /** Counts every request from its arrival until its connection has its answer (or went away). */
  track(app: FastifyInstance) {
    app.addHook("onRequest", (_request, reply, done) => {
      this.inFlight++;
      // The response's "close" comes once it is sent or its connection is gone, whichever happens.
      reply.raw.once("close", () => this.finished());
      done();
    });
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /**
   * Resolves when no request is in flight, or after `maxWaitMs` at the latest: background work gives
   * way, but a process that is never idle still does some of it.
   */
  whenIdle(maxWaitMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, maxWaitMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }

  private finished() {
    this.inFlight--;
    if (this.inFlight > 0 || this.waiters.length === 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
