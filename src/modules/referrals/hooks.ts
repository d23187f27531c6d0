// What the referrals module announces (ARCHITECTURE.md "Cross-module effects are hooks").
declare module "../../platform/hooks.js" {
  interface ModuleEvents {
    /** Sales confirmed a referral's sale; announced in the confirming transaction. */
    "referral.saleConfirmed": {
      organizationId: string;
      programId: string;
      participantId: string;
      referralId: string;
      saleId: string;
      companyName: string;
      /** The day the deal closed (YYYY-MM-DD, the program's calendar). */
      closedOn: string;
      /** Policy: "upgrades de plano não são válidos para premiação em nenhum caso". */
      isUpgrade: boolean;
    };
  }
}

export {};
