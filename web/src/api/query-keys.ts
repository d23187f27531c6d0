import type { StaffRole } from "./admin-api";

/** TanStack Query keys in one place, so sign-in and sign-out can reset exactly what they change. */
export const queryKeys = {
  adminSession: ["admin", "session"] as const,
  portalSession: ["portal", "session"] as const,
  publicPrograms: ["public", "programs"] as const,
  staff: (role?: StaffRole) => ["admin", "staff", role ?? "all"] as const,
  /** Every referral list and detail: a move or a sale changes both. */
  adminReferrals: ["admin", "referrals"] as const,
  adminReferralList: (filters: object) => ["admin", "referrals", "list", filters] as const,
  adminReferral: (id: string) => ["admin", "referrals", "detail", id] as const,
  rewardCatalog: (programId: string) => ["admin", "rewards", "catalog", programId] as const,
  /** Every fulfilment page and count: recording a delivery moves an offer between tabs. */
  fulfilment: ["admin", "rewards", "fulfilment"] as const,
  fulfilmentList: (filters: object) => ["admin", "rewards", "fulfilment", filters] as const,
  portalRewards: ["portal", "rewards"] as const,
};
