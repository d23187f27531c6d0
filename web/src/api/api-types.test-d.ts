// Compile-time checks of the helpers in api-types.ts: `tsc -p web/tsconfig.json` fails when one no longer
// reads the generated paths as the API functions expect (nothing here runs).
import { expectTypeOf } from "vitest";
import { type ApiBody, type ApiQuery, type ApiResponse, type ApiSchema, allValuesOf } from "./api-types";

// The default status is the operation's 2xx one: 201 for a reply, 204 (no body) for a logout.
expectTypeOf<ApiResponse<"/api/admin/tickets/{id}/replies", "post">>().toEqualTypeOf<
  ApiSchema<"AdminTicketDetail">
>();
expectTypeOf<ApiResponse<"/api/admin/logout", "post">>().toEqualTypeOf<undefined>();
expectTypeOf<ApiResponse<"/api/admin/tickets/{id}", "get", 404>>().toEqualTypeOf<ApiSchema<"Error">>();

expectTypeOf<ApiBody<"/api/admin/tickets/{id}/notes", "post">>().toEqualTypeOf<{ message: string }>();
expectTypeOf<ApiQuery<"/api/portal/tickets", "get">["state"]>().toEqualTypeOf<
  "open" | "closed" | undefined
>();

// @ts-expect-error a method the path does not answer
export type NoSuchMethod = ApiResponse<"/api/admin/session", "delete">;

type Kind = "voucher" | "physical";
export const every = allValuesOf<Kind>()(["physical", "voucher"]);
// @ts-expect-error a list that misses a value
export const missing = allValuesOf<Kind>()(["voucher"]);
// @ts-expect-error a value the API does not have
export const unknown = allValuesOf<Kind>()(["voucher", "physical", "gift"]);
