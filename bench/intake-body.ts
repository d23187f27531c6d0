/** A valid, unique referral for the intake scenario: its own referrer, company and contact. */
export function intakeBody(tag: string) {
  return {
    referrerName: "Bench Referrer",
    referrerEmail: `ref-${tag}@gmail.com`,
    referrerPhone: "(11) 98765-4321",
    referrerBirthDate: "1990-05-10",
    referrerIsCustomer: true,
    acceptTerms: true,
    companyName: `Bench Company ${tag}`,
    contactName: "Contact Person",
    contactRole: "IT Manager",
    contactDepartment: "it",
    contactEmail: `contact@c${tag}.com.br`,
    contactPhone: "(21) 3333-4444",
    companySize: "large",
    supportAgents: 10,
    declaresContactAware: true,
    declaresNoPurchasedData: true,
  };
}
