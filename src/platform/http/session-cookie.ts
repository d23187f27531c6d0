import type { FastifyReply } from "fastify";

/** Session cookies: HttpOnly (no script reads them), SameSite=Lax, Secure when served over HTTPS. */
export function setSessionCookie(
  reply: FastifyReply,
  name: string,
  token: string,
  options: { maxAgeSeconds: number; secure: boolean },
) {
  reply.setCookie(name, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, name: string, secure: boolean) {
  reply.clearCookie(name, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
