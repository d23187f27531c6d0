import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { limitBytes, PayloadTooLarge } from "./csv-upload.js";

async function readAll(stream: Readable): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}

describe("the CSV upload size limit", () => {
  it("passes a body up to the limit through unchanged", async () => {
    expect(await readAll(limitBytes(Readable.from([Buffer.from("12345"), Buffer.from("67890")]), 10))).toBe(
      "1234567890",
    );
  });

  it("fails once the body goes past the limit, however it is chunked", async () => {
    const source = Readable.from([Buffer.from("12345"), Buffer.from("67890"), Buffer.from("1")]);
    await expect(readAll(limitBytes(source, 10))).rejects.toBeInstanceOf(PayloadTooLarge);
  });
});
