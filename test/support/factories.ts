// Small builders for test data: each call makes new, unrelated rows, so tests never share fixtures.
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { upsertParticipant } from "../../src/modules/participants/index.js";
import { createProgramFromTemplate } from "../../src/modules/programs/index.js";
import { organizations } from "../../src/modules/programs/schema.js";
import { createStaffUser } from "../../src/modules/staff/index.js";
import type { StaffRole } from "../../src/modules/staff/schema.js";
import type { Db } from "../../src/platform/db/client.js";

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export async function makeOrganization(db: Db) {
  const [organization] = await db
    .insert(organizations)
    .values({ slug: unique("org"), name: unique("Org") })
    .returning();
  return organization!;
}

export async function makeProgram(db: Db, organizationId?: string) {
  const orgId = organizationId ?? (await makeOrganization(db)).id;
  const program = await createProgramFromTemplate(db, { organizationId: orgId }, { slug: unique("program") });
  return { program, scope: { organizationId: orgId, programId: program.id } };
}

export const TEST_PASSWORD = "a-long-enough-password";

export async function makeStaff(db: Db, organizationId: string, role: StaffRole = "owner") {
  return createStaffUser(
    db,
    { organizationId },
    {
      email: `${unique("staff")}@example.com`,
      name: "Staff Person",
      role,
      password: TEST_PASSWORD,
    },
  );
}

export async function makeParticipant(db: Db, scope: { organizationId: string; programId: string }) {
  return upsertParticipant(db, scope, { email: `${unique("referrer")}@example.com`, name: "Rita Referrer" });
}

/** Signs a staff user in through the API; returns the cookie header and CSRF token to call with. */
export async function signInAsStaff(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  // A distinct client address per sign-in keeps tests clear of the per-address rate limit.
  const remoteAddress = `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
  const response = await app.inject({
    method: "POST",
    url: "/api/admin/login",
    remoteAddress,
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "corrente_staff");
  return { cookie: `corrente_staff=${cookie!.value}`, csrfToken: response.json().csrfToken as string };
}
