// Group commit for the public intake. A submission costs about ten statements, and under load the
// round trips (a system call each way) and the commit's disk flush, not the work, bound the rate. So
// each process gathers the submissions that arrive while earlier batches are being written and writes
// them together: a handful of statements and one commit for the lot. Nothing waits on a timer: an idle
// process writes a lone submission at once, a busy one gathers more per batch.
//
// Each caller gets its own answer. The writer decides per item (a daily limit refuses one submission,
// not its batch); if a whole batch fails, its items are written again one by one, so a submission that
// breaks a statement fails alone.

export type ItemOutcome<TResult> = { ok: true; value: TResult } | { ok: false; error: unknown };

/** Thrown by a writer when a batch may have committed (the COMMIT itself failed): never written again. */
export class BatchOutcomeUnknown extends Error {
  constructor(override readonly cause: unknown) {
    super("the batch's commit failed: it may or may not have been stored");
    this.name = "BatchOutcomeUnknown";
  }
}

export type BatchWriter<TItem, TResult> = (items: TItem[]) => Promise<ItemOutcome<TResult>[]>;

export type BatcherOptions = {
  /** Batches written at once (each holds a connection); PGlite has one connection: 1. */
  maxInFlight: number;
  maxBatchSize: number;
};

type Waiting<TItem, TResult> = {
  item: TItem;
  resolve: (value: TResult) => void;
  reject: (error: unknown) => void;
};

export class IntakeBatcher<TItem, TResult> {
  private readonly waiting: Waiting<TItem, TResult>[] = [];
  private inFlight = 0;
  private isFlushScheduled = false;

  constructor(
    private readonly write: BatchWriter<TItem, TResult>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: TItem): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush() {
    if (this.isFlushScheduled || this.waiting.length === 0 || this.inFlight >= this.options.maxInFlight)
      return;
    this.isFlushScheduled = true;
    // After the current I/O callbacks: requests parsed in the same turn of the event loop join one batch.
    setImmediate(() => {
      this.isFlushScheduled = false;
      this.flush();
    });
  }

  private flush() {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.waiting.splice(0, this.options.maxBatchSize);
      this.inFlight++;
      void this.writeBatch(batch).finally(() => {
        this.inFlight--;
        this.scheduleFlush();
      });
    }
  }

  private async writeBatch(batch: Waiting<TItem, TResult>[]) {
    let outcomes: ItemOutcome<TResult>[];
    try {
      outcomes = await this.write(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1 || error instanceof BatchOutcomeUnknown) {
        for (const w of batch) w.reject(error);
        return;
      }
      // One of them broke the batch (or the database hiccuped): each on its own, so only that one fails.
      for (const w of batch) await this.writeBatch([w]);
      return;
    }
    batch.forEach((w, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) w.resolve(outcome.value);
      else w.reject(outcome ? outcome.error : new Error("the batch writer gave no outcome"));
    });
  }
}
