import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { PayloadTooLarge, spoolUpload } from "./csv-upload.js";

async function readAll(stream: Readable): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

describe("the CSV upload size limit", () => {
  it("keeps a body up to the limit unchanged", async () => {
    const upload = await spoolUpload(Readable.from([Buffer.from("12345"), Buffer.from("67890")]), 10);
    expect(upload.size).toBe(10);
    expect(await readAll(upload.open())).toBe("1234567890");
    await upload.discard();
  });

  it("fails once the body goes past the limit, without reading the rest of it", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let chunksRead = 0;
    const source = new Readable({
      read() {
        chunksRead++;
        this.push(chunksRead > 1000 ? null : chunk);
      },
    });
    await expect(spoolUpload(source, 10 * chunk.length)).rejects.toBeInstanceOf(PayloadTooLarge);
    expect(chunksRead).toBeLessThan(50);
  });
});
