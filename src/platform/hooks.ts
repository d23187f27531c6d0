// Cross-module effects (ARCHITECTURE.md "Cross-module effects are hooks"): a module announces an event
// from inside its use case's transaction; app.ts connects the modules that react. The announcing module
// never imports the reacting one, so modules keep importing one way.
//
// Each module declares its events by adding to `ModuleEvents` (TypeScript declaration merging), beside
// the use case that announces them:
//   declare module "../../platform/hooks.js" { interface ModuleEvents { "participant.left": {…} } }
import type { Db } from "./db/client.js";

// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declarations
export interface ModuleEvents {}
export type ModuleEventName = keyof ModuleEvents;

/** Runs in the announcing transaction: what it writes commits or rolls back with the change. */
export type HookHandler<E extends ModuleEventName> = (tx: Db, event: ModuleEvents[E]) => Promise<void>;

/** The reactions of one process, built with its context. */
export class ModuleHooks {
  private readonly handlers = new Map<ModuleEventName, HookHandler<never>[]>();

  on<E extends ModuleEventName>(event: E, handler: HookHandler<E>): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler as HookHandler<never>]);
  }

  /** Runs every reaction in the order connected; a failing one fails the use case (and its transaction). */
  async announce<E extends ModuleEventName>(tx: Db, event: E, payload: ModuleEvents[E]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) await (handler as HookHandler<E>)(tx, payload);
  }

  /** What is connected, for the composition test: every announced event has its reactions. */
  connected(): ModuleEventName[] {
    return [...this.handlers.keys()];
  }
}
