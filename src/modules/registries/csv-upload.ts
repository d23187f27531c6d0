// The CSV upload body: handed to the import as the request stream (never buffered), with its own size
// limit. Fastify enforces `bodyLimit` only for bodies it reads itself, so this one counts the bytes.
import { pipeline, type Readable, Transform } from "node:stream";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../platform/http/errors.js";

export const CSV_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

export class PayloadTooLarge extends AppError {
  override readonly status = 413;
  constructor() {
    super("body_too_large", `The file is larger than ${CSV_BODY_LIMIT_BYTES / 1024 / 1024} MB.`);
  }
}

/** Registers `text/csv` on `app` (a scoped plugin instance): the body arrives as a size-limited stream. */
export function acceptCsvUploads(app: FastifyInstance) {
  app.addContentTypeParser("text/csv", (request, payload, done) => {
    if (Number(request.headers["content-length"] ?? 0) > CSV_BODY_LIMIT_BYTES) {
      done(new PayloadTooLarge(), undefined);
      return;
    }
    done(null, limitBytes(payload, CSV_BODY_LIMIT_BYTES));
  });
}

/** Passes `source` through, failing with PayloadTooLarge once more than `limit` bytes went by. */
export function limitBytes(source: Readable, limit: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? new PayloadTooLarge() : null, chunk);
    },
  });
  return pipeline(source, counter, () => {}); // an error destroys `counter`, and its reader sees it
}
