import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";

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

/**
 * The setupRequest of an intake run: each request a unique referral from its own client address. The
 * bodies are made before the run (up to `count`, then on the fly), so the load generator, which shares
 * the cores with the server, spends the run sending rather than building JSON.
 */
export function intakeRequestSetup(count: number, randomIp: () => string) {
  const make = () => ({
    ip: randomIp(),
    body: JSON.stringify(intakeBody(randomUUID().replaceAll("-", ""))),
  });
  const prepared = Array.from({ length: count }, make);
  let next = 0;
  return (request: autocannon.Request): autocannon.Request => {
    const { ip, body } = prepared[next++] ?? make();
    return { ...request, headers: { ...request.headers, "x-forwarded-for": ip }, body };
  };
}
