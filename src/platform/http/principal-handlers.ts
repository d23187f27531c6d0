// Staff and participant routes are declared with `staffRoute(permission, …)` / `participantRoute(…)`:
// one call sets the route's access (`config.access`, what the guard enforces and the route table lists)
// and hands the handler the signed-in principal, typed non-null, beside the request whose body, query
// and params still follow the route's zod schema.
import type {
  ContextConfigDefault,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteShorthandOptionsWithHandler,
} from "fastify";
import type { ResolveFastifyReplyReturnType } from "fastify/types/type-provider.js";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Permission } from "../../shared/permissions.js";
import { type Access, access, type ParticipantPrincipal, type StaffPrincipal } from "./access.js";

type Server = RawServerDefault;
type Generic = RouteGenericInterface;
export type RouteRequest<S extends FastifySchema> = FastifyRequest<
  Generic,
  Server,
  RawRequestDefaultExpression<Server>,
  S,
  ZodTypeProvider
>;
export type RouteReply<S extends FastifySchema> = FastifyReply<
  Generic,
  Server,
  RawRequestDefaultExpression<Server>,
  RawReplyDefaultExpression<Server>,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;
type RouteResult<S extends FastifySchema> = ResolveFastifyReplyReturnType<ZodTypeProvider, S, Generic>;
type RouteOptions<S extends FastifySchema> = RouteShorthandOptionsWithHandler<
  Server,
  RawRequestDefaultExpression<Server>,
  RawReplyDefaultExpression<Server>,
  Generic,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;

type PrincipalRoute<S extends FastifySchema, P> = {
  schema: S;
  /** More route config (e.g. `rateLimit`); `access` comes from the helper. */
  config?: { rateLimit?: unknown };
  handler: (request: RouteRequest<S>, principal: P, reply: RouteReply<S>) => RouteResult<S>;
};

/** A route only staff holding `permission` may call; the handler gets who they are. */
export function staffRoute<const S extends FastifySchema>(
  permission: Permission,
  route: PrincipalRoute<S, StaffPrincipal>,
): RouteOptions<S> {
  return principalRoute(access.staff(permission), route, (request) => request.staff);
}

/** A route for the signed-in referrer; the handler gets their session's principal. */
export function participantRoute<const S extends FastifySchema>(
  route: PrincipalRoute<S, ParticipantPrincipal>,
): RouteOptions<S> {
  return principalRoute(access.participant, route, (request) => request.participant);
}

function principalRoute<S extends FastifySchema, P>(
  declared: Access,
  route: PrincipalRoute<S, P>,
  principalOf: (request: FastifyRequest) => P | undefined,
): RouteOptions<S> {
  const { handler, config, ...options } = route;
  return {
    ...options,
    config: { ...config, access: declared },
    handler(request, reply) {
      const principal = principalOf(request);
      // The guard resolved it before the handler: missing means the access above is not enforced.
      if (principal === undefined) throw new Error(`${request.method} ${request.url}: no principal`);
      return handler(request, principal, reply);
    },
  } as RouteOptions<S>;
}
