// Inputs and outputs of the reward routes (DESIGN "HTTP contract": a reward offer {id, status, dueMonth,
// item, saleId}).
import { z } from "zod";
import { ZCursor } from "../../platform/db/keyset.js";
// From the schema file, as the tables do: programs' index imports this module back (the program template
// seeds a catalog), and through that cycle the value would not be defined yet here.
import { ZLocalizedText } from "../../shared/localized-text.js";
import {
  type RewardItem,
  type RewardOffer,
  rewardKinds,
  rewardOfferStatuses,
  ZOfferedItem,
} from "./schema.js";

const ZNonEmptyLocalizedText = (max: number) =>
  z.object({ "pt-BR": z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const ZImageUrl = z.url({ protocol: /^https?$/, message: "Use um endereço http:// ou https://." }).max(2048);

export const ZCatalogItem = z
  .object({
    id: z.string(),
    programId: z.string(),
    name: ZLocalizedText,
    description: ZLocalizedText,
    imageUrl: z.string().nullable(),
    kind: z.enum(rewardKinds),
    isActive: z.boolean(),
    stock: z.number().nullable().describe("Null: unlimited."),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "CatalogItem" });

export const ZCatalogItemInput = z.object({
  programId: z.uuid(),
  name: ZNonEmptyLocalizedText(120),
  description: ZNonEmptyLocalizedText(2000),
  imageUrl: ZImageUrl.nullish(),
  kind: z.enum(rewardKinds),
  isActive: z.boolean().default(true),
  stock: z.number().int().min(0).max(1_000_000).nullish(),
});
export type TCatalogItemInput = z.infer<typeof ZCatalogItemInput>;

export const ZCatalogItemPatch = ZCatalogItemInput.omit({ programId: true, isActive: true })
  .partial()
  .extend({ isActive: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change." });
export type TCatalogItemPatch = z.infer<typeof ZCatalogItemPatch>;

export const ZAdminOffer = z
  .object({
    id: z.string().describe("The offer's id."),
    status: z.enum(rewardOfferStatuses).describe("awaiting_choice, chosen, delayed or delivered."),
    dueMonth: z.string().describe("YYYY-MM: delivery is due in the month after the sale's month."),
    saleId: z.string().describe("The confirmed sale that earned it (one reward per sale)."),
    referralId: z.string().describe("The referral the sale came from."),
    companyName: z.string().describe("The referred company that bought."),
    participant: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .describe("The referrer the reward is for."),
    item: ZOfferedItem.nullable().describe(
      "The catalog item chosen, as it was when chosen; null until then.",
    ),
    chosenAt: z.string().nullable().describe("When the referrer chose (ISO 8601); null until then."),
    deliveryReference: z
      .string()
      .nullable()
      .describe("The voucher code or tracking reference recorded at delivery, if any."),
    deliveredAt: z.string().nullable().describe("When it was delivered (ISO 8601); null until then."),
    delayNote: z
      .string()
      .nullable()
      .describe("Why it is late, in words the referrer reads; null unless delayed."),
    createdAt: z.string().describe("When it was offered (ISO 8601)."),
  })
  .meta({ id: "AdminOffer" });
export type TAdminOffer = z.infer<typeof ZAdminOffer>;

export const ZPortalOffer = ZAdminOffer.omit({ participant: true, referralId: true }).meta({
  id: "PortalOffer",
});
export type TPortalOffer = z.infer<typeof ZPortalOffer>;

export const ZOfferUpdate = z.discriminatedUnion("status", [
  z.object({ status: z.literal("delivered"), deliveryReference: z.string().trim().max(500).nullish() }),
  z.object({ status: z.literal("delayed"), delayNote: z.string().trim().min(1).max(2000) }),
]);
export type TOfferUpdate = z.infer<typeof ZOfferUpdate>;

export const ZFulfilmentQuery = z.object({
  programId: z.uuid().optional(),
  status: z.enum(rewardOfferStatuses).optional(),
  dueMonth: z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, "Use o formato AAAA-MM.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: ZCursor.optional(),
});
export type TFulfilmentQuery = z.infer<typeof ZFulfilmentQuery>;

export function toCatalogItem(item: RewardItem) {
  return {
    id: item.id,
    programId: item.programId,
    name: item.name,
    description: item.description,
    imageUrl: item.imageUrl,
    kind: item.kind,
    isActive: item.isActive,
    stock: item.stock,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function toPortalOffer(offer: RewardOffer): TPortalOffer {
  return {
    id: offer.id,
    status: offer.status,
    dueMonth: offer.dueMonth,
    saleId: offer.saleId,
    companyName: offer.companyName,
    item: offer.item ?? null,
    chosenAt: offer.chosenAt?.toISOString() ?? null,
    deliveryReference: offer.deliveryReference,
    deliveredAt: offer.deliveredAt?.toISOString() ?? null,
    delayNote: offer.delayNote,
    createdAt: offer.createdAt.toISOString(),
  };
}

export function toAdminOffer(
  offer: RewardOffer,
  participant: { id: string; name: string; email: string },
): TAdminOffer {
  return { ...toPortalOffer(offer), referralId: offer.referralId, participant };
}
