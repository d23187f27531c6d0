// The policy's qualification profile ("Quais são os critérios que o lead precisa ter para ser
// qualificado?") as a checklist for sales: what the submitted data already answers, and what sales
// must judge (met: null).
import type { Referral } from "../schema.js";

// Director, manager or coordinator, in Portuguese or English titles ("Gerente de TI", "Head of CX").
const LEADERSHIP_ROLE =
  /\b(diretor|diretora|director|gerente|manager|coordenador|coordenadora|coordinator|head|supervisor|supervisora|cio|cto|vp|vice[- ]presidente)\b/i;

export type ChecklistItem = {
  key: "role_and_department" | "company_size" | "support_agents" | "b2b";
  met: boolean | null;
};

export function qualificationChecklist(
  referral: Pick<Referral, "contactRole" | "contactDepartment" | "companySize" | "supportAgents">,
): ChecklistItem[] {
  const isLeader = LEADERSHIP_ROLE.test(referral.contactRole);
  const isProfileDepartment = referral.contactDepartment !== "other";
  return [
    {
      key: "role_and_department",
      // Both or neither answer it; one without the other is for sales to judge.
      met: isLeader && isProfileDepartment ? true : !isLeader && !isProfileDepartment ? false : null,
    },
    { key: "company_size", met: referral.companySize !== "small" },
    {
      key: "support_agents",
      met: referral.supportAgents === null ? null : referral.supportAgents > 5,
    },
    // Whether the company sells to businesses is not in the form: sales judges it.
    { key: "b2b", met: null },
  ];
}
