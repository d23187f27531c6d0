// The embedded default's demo: an organization, the `desk-manager` program encoding the seed policy,
// its reward catalog, an owner and one referrer to try the portal with. Written once, in one
// transaction keyed by the organization's slug, however often the server starts.
import { upsertParticipant } from "../modules/participants/index.js";
import {
  createOrganizationIfNew,
  createProgramFromTemplate,
  findOrganizationBySlug,
} from "../modules/programs/index.js";
import { addTemplateCatalog } from "../modules/rewards/index.js";
import { createStaffUser, findStaffUserByEmail, setStaffPassword } from "../modules/staff/index.js";
import { generatePassword } from "../platform/crypto/passwords.js";
import type { Db } from "../platform/db/client.js";
import { inTransaction } from "../platform/db/transaction.js";
import { seedDemoReferrals } from "./demo-referrals.js";

export const DEMO_ORGANIZATION_SLUG = "demo";
export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_REFERRER_EMAIL = "indicador@example.com";

export type DemoSeedResult = {
  created: boolean;
  adminEmail: string;
  /** Set when the owner's password was generated now: shown once, never stored in clear. */
  generatedPassword?: string;
};

export async function seedDemo(db: Db, options: { adminPassword?: string } = {}): Promise<DemoSeedResult> {
  const result = await inTransaction(db, async (tx) => {
    const organization = await createOrganizationIfNew(tx, {
      slug: DEMO_ORGANIZATION_SLUG,
      name: "Desk Manager Software (demo)",
    });
    if (!organization) return { created: false, adminEmail: DEMO_ADMIN_EMAIL };
    const scope = { organizationId: organization.id };
    const program = await createProgramFromTemplate(tx, scope);
    await addTemplateCatalog(tx, program.id);
    const password = options.adminPassword ?? generatePassword();
    await createStaffUser(tx, scope, { email: DEMO_ADMIN_EMAIL, name: "Admin", role: "owner", password });
    const referrer = await upsertParticipant(
      tx,
      { organizationId: organization.id, programId: program.id },
      {
        email: DEMO_REFERRER_EMAIL,
        name: "Ana Indicadora",
        phone: "+5511987654321",
        isCustomer: true,
        // Before her oldest demo referral (40 days ago): the portal's "member since" reads true.
        joinedAt: new Date(Date.now() - 60 * 86_400_000),
      },
    );
    await seedDemoReferrals(tx, { organizationId: organization.id, programId: program.id }, referrer.id);
    return {
      created: true,
      adminEmail: DEMO_ADMIN_EMAIL,
      generatedPassword: options.adminPassword ? undefined : password,
    };
  });
  if (!result.created && options.adminPassword) await resetDemoOwnerPassword(db, options.adminPassword);
  return result;
}

/** ADMIN_PASSWORD set on a later start replaces the owner's password: the way back in if it was lost. */
async function resetDemoOwnerPassword(db: Db, password: string) {
  const organization = await findOrganizationBySlug(db, DEMO_ORGANIZATION_SLUG);
  if (!organization) return;
  const scope = { organizationId: organization.id };
  const owner = await findStaffUserByEmail(db, scope, DEMO_ADMIN_EMAIL);
  if (owner) await setStaffPassword(db, scope, owner.id, password);
}
