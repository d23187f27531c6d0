// The CSV upload body, with its own size limit (Fastify enforces `bodyLimit` only for bodies it reads
// itself). A declared Content-Length over the limit is refused before a byte is read; otherwise the
// body is copied to a temporary file as fast as it arrives, counting bytes, and refused (413) the
// moment it passes the limit. Only a complete upload is imported, so the limit never waits on the
// import's pace and a refused upload writes nothing.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../platform/http/errors.js";

export const CSV_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

export class PayloadTooLarge extends AppError {
  override readonly status = 413;
  constructor() {
    super("body_too_large", `The file is larger than ${CSV_BODY_LIMIT_BYTES / 1024 / 1024} MB.`);
  }
}

/** Registers `text/csv` on `app` (a scoped plugin instance): the handler gets the body as a stream. */
export function acceptCsvUploads(app: FastifyInstance) {
  app.addContentTypeParser("text/csv", (request, payload, done) => {
    if (Number(request.headers["content-length"] ?? 0) > CSV_BODY_LIMIT_BYTES) {
      done(new PayloadTooLarge(), undefined);
      return;
    }
    done(null, payload);
  });
}

/** Fails with PayloadTooLarge once more than `limit` bytes went through. */
export function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? new PayloadTooLarge() : null, chunk);
    },
  });
}

export type SpooledUpload = {
  /** Opens the stored upload for reading (64 KB chunks). */
  open(): Readable;
  size: number;
  /** Deletes the stored upload; call it once the import is over. */
  discard(): Promise<void>;
};

/**
 * Copies `body` to a temporary file; PayloadTooLarge (and nothing left behind) past `limit` bytes.
 * The body is unpiped, not destroyed, when refused: destroying a request closes its socket before the
 * 413 is sent, and Node discards what the client still sends once the answer is out.
 */
export async function spoolUpload(body: Readable, limit = CSV_BODY_LIMIT_BYTES): Promise<SpooledUpload> {
  const folder = await mkdtemp(path.join(tmpdir(), "corrente-upload-"));
  const file = path.join(folder, "upload.csv");
  const discard = () => rm(folder, { recursive: true, force: true });
  const counter = byteLimit(limit);
  const out = createWriteStream(file);
  const onBodyError = (error: Error) => counter.destroy(error);
  body.once("error", onBodyError);
  body.pipe(counter);
  try {
    await pipeline(counter, out);
  } catch (error) {
    await discard();
    throw error;
  } finally {
    body.unpipe(counter);
    body.off("error", onBodyError);
  }
  return { open: () => createReadStream(file), size: out.bytesWritten, discard };
}
