// The reward catalog the "Vai de Desk Manager" policy starts with (shared/seeds/000_…txt: "prêmios"),
// copied into a program created from the desk-manager template. Operators change it from then on.
import type { TLocalizedText } from "../../../shared/localized-text.js";

const t = (ptBR: string, en: string): TLocalizedText => ({ "pt-BR": ptBR, en });

export const deskManagerRewardItems = [
  {
    name: t("Vale-presente de R$ 300", "R$ 300 gift card"),
    description: t(
      "Voucher digital para usar em lojas parceiras.",
      "Digital voucher to spend at partner stores.",
    ),
    kind: "voucher" as const,
    stock: null,
  },
  {
    name: t("Fone de ouvido sem fio", "Wireless headphones"),
    description: t("Enviado para o endereço que você informar.", "Shipped to the address you give us."),
    kind: "physical" as const,
    stock: 25,
  },
  {
    name: t("Jantar para dois", "Dinner for two"),
    description: t("Experiência gastronômica em restaurante parceiro.", "A dinner at a partner restaurant."),
    kind: "experience" as const,
    stock: 10,
  },
];
