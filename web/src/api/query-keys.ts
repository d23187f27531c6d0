/** TanStack Query keys in one place, so sign-in and sign-out can reset exactly what they change. */
export const queryKeys = {
  adminSession: ["admin", "session"] as const,
  portalSession: ["portal", "session"] as const,
  publicPrograms: ["public", "programs"] as const,
};
