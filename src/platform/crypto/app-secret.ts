import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { instanceSettings } from "./schema.js";

const SECRET_KEY = "app_secret";

/**
 * The key that signs reply tokens and CSRF tokens. APP_SECRET wins; without it the instance generates
 * one on first start and keeps it in the database, so every process of the instance shares it.
 */
export async function loadAppSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(instanceSettings)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, SECRET_KEY));
  if (!row) throw new Error("app secret could not be stored");
  return row.value;
}
