// The address the web server runs at, remembered in the database: a CLI command or a worker started
// without APP_URL (`corrente digest` on the embedded default) writes the same links into its e-mails as
// the server would, not links to a default port nobody listens on.
import { eq } from "drizzle-orm";
import { instanceSettings } from "../crypto/schema.js";
import type { Db } from "../db/client.js";

const PUBLIC_URL_KEY = "public_url";

export async function rememberPublicUrl(db: Db, url: string): Promise<void> {
  await db
    .insert(instanceSettings)
    .values({ key: PUBLIC_URL_KEY, value: url })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value: url } });
}

export async function rememberedPublicUrl(db: Db): Promise<string | null> {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, PUBLIC_URL_KEY));
  return row?.value ?? null;
}
