// What the participants module announces (ARCHITECTURE.md "Cross-module effects are hooks").
declare module "../../platform/hooks.js" {
  interface ModuleEvents {
    /** A referrer left the program from the portal; announced in the leaving transaction. */
    "participant.left": { organizationId: string; programId: string; participantId: string };
  }
}

export {};
