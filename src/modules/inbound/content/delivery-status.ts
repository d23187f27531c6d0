// Reads a message/delivery-status body (RFC 3464 §2.1): one per-message block, then one block per
// recipient, blocks separated by blank lines, each a list of header-style fields.

/** Lower-cased addresses of the recipients whose `Action` is `failed`, original address first. */
export function failedRecipientsOf(deliveryStatus: string): string[] {
  const failed = deliveryStatusBlocks(deliveryStatus)
    .filter((fields) => /^failed\b/i.test(fields.get("action") ?? ""))
    .flatMap((fields) => [fields.get("original-recipient"), fields.get("final-recipient")])
    .map((value) => (value ? recipientAddress(value) : ""))
    .filter((address) => address.includes("@"));
  return [...new Set(failed)];
}

function deliveryStatusBlocks(body: string): Map<string, string>[] {
  return body
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]+/g, " ")
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      }
      return fields;
    });
}

/** "rfc822; <Someone@Example.com>" -> "someone@example.com" (the address type comes first). */
function recipientAddress(value: string): string {
  const address = value.includes(";") ? value.slice(value.indexOf(";") + 1) : value;
  return address.trim().replace(/^<|>$/g, "").trim().toLowerCase();
}
