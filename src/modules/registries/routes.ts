import { Readable } from "node:stream";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.js";
import { AppError, Invalid, NotFound } from "../../platform/http/errors.js";
import { staffRoute } from "../../platform/http/principal-handlers.js";
import { clientInfo, type RouteModule, withZod, ZErrorResponse } from "../../platform/http/route-module.js";
import { acceptCsvUploads, spoolUpload } from "./csv-upload.js";
import { importRegistry } from "./import-registry.js";
import { isRegistryKind, registryKinds } from "./registry-columns.js";
import { registryCounts } from "./registry-lookups.js";

const ZImportReport = z
  .object({
    inserted: z.number(),
    updated: z.number(),
    rejected: z.number(),
    total: z.number(),
    errors: z
      .array(
        z.object({
          line: z.number(),
          field: z.string(),
          code: z.string(),
          message: z.string(),
          value: z.string().optional(),
        }),
      )
      .describe("The first 100 problems, by line."),
  })
  .meta({ id: "ImportReport" });

const ZRegistryCounts = z.object({
  customers: z.number(),
  pipeline: z.number(),
  partnerCustomers: z.number(),
});

class UnsupportedMediaType extends AppError {
  override readonly status = 415;
  constructor() {
    super("unsupported_media_type", "Send the file as the request body with Content-Type: text/csv.");
  }
}

export const registryRoutes: RouteModule = (app, ctx) => {
  // Scoped, so text/csv bodies are accepted by these routes only.
  app.register(async (scoped) => {
    acceptCsvUploads(scoped);
    const r = withZod(scoped);

    // POST /api/admin/registries/:kind/import – an admin imports a customers, pipeline or partner-customers CSV
    r.post(
      "/api/admin/registries/:kind/import",
      staffRoute("registries.manage", {
        schema: {
          tags: ["registries"],
          description: `CSV body (Content-Type: text/csv, up to 50 MB, \`;\` or \`,\`). Kinds: ${registryKinds.join(", ")}.`,
          consumes: ["text/csv"],
          params: z.object({ kind: z.string() }),
          response: { 200: ZImportReport, 404: ZErrorResponse, 413: ZErrorResponse, 422: ZErrorResponse },
        },
        handler: async (request, staff) => {
          const { kind } = request.params;
          if (!isRegistryKind(kind)) {
            throw new NotFound(
              "registry_not_found",
              `No registry "${kind}"; use ${registryKinds.join(", ")}.`,
            );
          }
          const body: unknown = request.body;
          if (body === undefined || body === null) {
            const message = "The file is empty: its first line must name the columns.";
            throw new Invalid({ file: [message] }, message, "csv_empty");
          }
          if (!(body instanceof Readable)) throw new UnsupportedMediaType();
          const scope = { organizationId: staff.organizationId };
          const upload = await spoolUpload(body);
          const report = await importRegistry(ctx.db, scope, kind, upload.open()).finally(upload.discard);
          const { errors: _errors, ...counts } = report;
          await recordAudit(ctx.db, {
            ...scope,
            actorKind: "staff",
            actorId: staff.staffUserId,
            action: "registry.imported",
            subjectType: "registry",
            subjectId: kind,
            data: counts,
            ...clientInfo(request),
          });
          return report;
        },
      }),
    );

    // GET /api/admin/registries – how many rows each registry of the organization holds
    r.get(
      "/api/admin/registries",
      staffRoute("registries.manage", {
        schema: { tags: ["registries"], response: { 200: ZRegistryCounts } },
        handler: async (_request, staff) => registryCounts(ctx.db, { organizationId: staff.organizationId }),
      }),
    );
  });
};
