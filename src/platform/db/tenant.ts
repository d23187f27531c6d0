// Every data-access function for program-owned rows takes one of these as a required argument, so a
// query cannot forget whose data it reads.
export type OrganizationScope = { organizationId: string };
export type ProgramScope = { organizationId: string; programId: string };
