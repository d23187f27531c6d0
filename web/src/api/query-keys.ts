/** TanStack Query keys in one place, so sign-in and sign-out can reset exactly what they change. */
export const queryKeys = {
  adminSession: ["admin", "session"] as const,
  portalSession: ["portal", "session"] as const,
  publicPrograms: ["public", "programs"] as const,
  staff: (filter: object = {}) => ["admin", "staff", filter] as const,
  /** Every referral list and detail: a move or a sale changes both. */
  adminReferrals: ["admin", "referrals"] as const,
  adminReferralList: (filters: object) => ["admin", "referrals", "list", filters] as const,
  adminReferral: (id: string) => ["admin", "referrals", "detail", id] as const,
  rewardCatalog: (programId: string) => ["admin", "rewards", "catalog", programId] as const,
  /** Every fulfilment page and count: recording a delivery moves an offer between tabs. */
  fulfilment: ["admin", "rewards", "fulfilment"] as const,
  fulfilmentList: (filters: object) => ["admin", "rewards", "fulfilment", filters] as const,
  portalRewards: ["portal", "rewards"] as const,
  /** Every page, count and detail of the referrer's referrals: a new referral changes them all. */
  portalReferrals: ["portal", "referrals"] as const,
  portalReferralList: (filters: object) => ["portal", "referrals", "list", filters] as const,
  portalReferral: (id: string) => ["portal", "referrals", "detail", id] as const,
  portalProfile: ["portal", "profile"] as const,
  portalMaterials: ["portal", "materials"] as const,
  publicProgram: (slug: string) => ["public", "program", slug] as const,
  adminMaterials: (programId: string) => ["admin", "materials", programId] as const,
};
