// Reads a message/delivery-status body (RFC 3464 §2.1): one per-message block, then one block per
// recipient, blocks separated by blank lines, each a list of header-style fields.

/**
 * A recipient a report says failed. `status` is its RFC 3463 code ("5.1.1"); `isPermanent` is false
 * only for a class 4 status (a transient condition the reporting server gave up on).
 */
export type FailedRecipient = { address: string; status: string | null; isPermanent: boolean };

/** The recipients whose `Action` is `failed`, each address once (original address first). */
export function failedRecipientsOf(deliveryStatus: string): FailedRecipient[] {
  const failed = new Map<string, FailedRecipient>();
  for (const fields of deliveryStatusBlocks(deliveryStatus)) {
    if (!/^failed\b/i.test(fields.get("action") ?? "")) continue;
    const status = fields.get("status")?.match(/^[245]\.\d{1,3}\.\d{1,3}/)?.[0] ?? null;
    for (const value of [fields.get("original-recipient"), fields.get("final-recipient")]) {
      const address = value ? recipientAddress(value) : "";
      if (!address.includes("@") || failed.has(address)) continue;
      failed.set(address, { address, status, isPermanent: !status?.startsWith("4.") });
    }
  }
  return [...failed.values()];
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
