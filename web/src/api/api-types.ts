// The web app's way to name the API's shapes: every type that a request sends or an answer carries is
// read from openapi.ts, which `npm run api:types` generates from the server's route schemas. A server
// change that breaks a page then fails `tsc -p web/tsconfig.json`, not the page in a browser.
import type { components, paths } from "./openapi";

export type ApiPath = keyof paths;

type Method = "get" | "put" | "post" | "patch" | "delete";

/** The methods a path answers (the generated file marks the others `?: never`). */
export type ApiMethod<P extends ApiPath> = {
  [M in Method]: paths[P][M] extends undefined ? never : M;
}[Method];

type Operation<P extends ApiPath, M extends ApiMethod<P>> = NonNullable<paths[P][M]>;
type Responses<P extends ApiPath, M extends ApiMethod<P>> = Operation<P, M>["responses"];
type SuccessStatus<P extends ApiPath, M extends ApiMethod<P>> = Extract<
  keyof Responses<P, M>,
  200 | 201 | 202 | 204
>;
type JsonOf<T> = T extends { content: { "application/json": infer Json } } ? Json : never;

/**
 * What an operation answers with `Status` (by default its 2xx answer). A 204 is `undefined`: it has
 * no body whatever its schema says, and apiRequest resolves it to undefined.
 */
export type ApiResponse<
  P extends ApiPath,
  M extends ApiMethod<P>,
  Status extends keyof Responses<P, M> = SuccessStatus<P, M>,
> = Status extends 204 ? undefined : JsonOf<Responses<P, M>[Status]>;

/** The JSON body an operation takes. */
export type ApiBody<P extends ApiPath, M extends ApiMethod<P>> = JsonOf<
  NonNullable<Operation<P, M>["requestBody"]>
>;

/** The query string an operation reads, as named values (all optional where the server has defaults). */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> = NonNullable<
  Operation<P, M>["parameters"]["query"]
>;

/** A resource the server names (`.meta({ id })` on its zod schema), e.g. `ApiSchema<"AdminTicket">`. */
export type ApiSchema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/**
 * A page's list of all the values of an API enum, in the page's order: the compiler refuses a value
 * the server does not know and a list that misses one it sends. `allValuesOf<RewardKind>()([…])`.
 */
export function allValuesOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => list;
}
