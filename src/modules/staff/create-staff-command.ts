import { z } from "zod";
import { generatePassword } from "../../platform/crypto/passwords.js";
import type { Db } from "../../platform/db/client.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { Conflict } from "../../platform/http/errors.js";
import { createOrganization, findOrganizationBySlug } from "../programs/index.js";
import { staffRoles } from "./schema.js";
import { createStaffUser } from "./staff-users.js";

const ZCreateStaffArgs = z.object({
  organization: z.string().regex(/^[a-z0-9-]+$/, "--organization must be a slug (a-z, 0-9, -)"),
  "organization-name": z.string().min(1).optional(),
  email: z.email("--email must be an e-mail address"),
  name: z.string().min(1, "--name is required"),
  role: z.enum(staffRoles, { message: `--role must be one of ${staffRoles.join(", ")}` }),
  password: z.string().min(12, "--password must have at least 12 characters").optional(),
});

class UsageError extends Error {
  override name = "UsageError";
}

/** `corrente create-staff`: adds a staff account, creating the organization when a name is given. */
export async function createStaffCommand(db: Db, args: Record<string, unknown>) {
  const parsed = ZCreateStaffArgs.safeParse(args);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "argument"}: ${issue.message}`)
        .join("\n"),
    );
  }
  const input = parsed.data;
  const password = input.password ?? generatePassword();
  const user = await inTransaction(db, async (tx) => {
    let organization = await findOrganizationBySlug(tx, input.organization);
    if (!organization) {
      if (!input["organization-name"]) {
        throw new UsageError(
          `No organization "${input.organization}". Pass --organization-name to create it.`,
        );
      }
      organization = await createOrganization(tx, {
        slug: input.organization,
        name: input["organization-name"],
      });
    }
    return createStaffUser(tx, { organizationId: organization!.id }, { ...input, password }).catch(
      (error) => {
        // Someone already on a team is a mistake of the caller's: one line, not a stack trace.
        if (error instanceof Conflict) throw new UsageError(`${input.email} already has a staff account.`);
        throw error;
      },
    );
  });
  console.log(`Created ${user.role} ${user.email}.`);
  if (!input.password) console.log(`Password (shown only now): ${password}`);
}
