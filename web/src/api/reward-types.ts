/** Shapes the admin and portal reward pages share (DESIGN.md "Rewards"). */
export type LocalizedText = { "pt-BR": string; en: string };

export const rewardKinds = ["voucher", "physical", "experience"] as const;
export type RewardKind = (typeof rewardKinds)[number];

export const offerStatuses = ["awaiting_choice", "chosen", "delivered", "delayed"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** The catalog item as it was when the referrer chose it: later catalog edits do not change it. */
export type OfferItem = {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  kind: RewardKind;
  imageUrl: string | null;
};

/** A reward offer as the back office sees it: who earned it, for which sale, and how delivery goes. */
export type AdminOffer = {
  id: string;
  status: OfferStatus;
  /** "YYYY-MM": the month after the sale's month (DESIGN.md "Rewards"). */
  dueMonth: string;
  saleId: string;
  referralId: string;
  companyName: string;
  participant: { id: string; name: string; email: string };
  item: OfferItem | null;
  chosenAt: string | null;
  deliveryReference: string | null;
  deliveredAt: string | null;
  delayNote: string | null;
  createdAt: string;
};
