import { useMutation } from "@tanstack/react-query";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubNetwork } from "../../test-support/network";
import { renderApp } from "../../test-support/render";
import { type ProgramForReferral, submitReferral } from "./refer-api";
import { draftFor } from "./referral-draft";
import { ReferralForm } from "./referral-form";

const program: ProgramForReferral = {
  slug: "acme",
  name: "Acme Indica",
  isRunning: true,
  minimumAge: 18,
  termsVersion: "2026-01",
};
const referrer = { name: "Rita Referrer", email: "rita@gmail.com", phone: "+5511987654321" };

/** The form as ReferCompany hosts it: its submission goes through the app's own API function. */
function ReferralFormHost() {
  const send = useMutation({ mutationFn: submitReferral.bind(null, program.slug) });
  return (
    <ReferralForm
      initial={draftFor(referrer)}
      program={program}
      isPending={send.isPending}
      error={send.error}
      onSubmit={(submission) => send.mutate(submission)}
      onCancel={() => {}}
    />
  );
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;

async function fillValidReferral(user: ReturnType<typeof renderApp>["user"]) {
  fireEvent.change(field("Sua data de nascimento"), { target: { value: "1990-05-10" } });
  await user.selectOptions(field("Você é cliente\\?"), "false");
  await user.type(field("Nome da empresa"), "Padaria Central");
  await user.type(field("CNPJ"), "11222333000181");
  await user.selectOptions(field("Porte da empresa"), "medium");
  await user.type(field("Nome do contato"), "Carlos Contato");
  await user.type(field("Cargo"), "Gerente de TI");
  await user.selectOptions(field("Departamento"), "it");
  await user.type(field("E-mail do contato"), "carlos@padaria.com.br");
  await user.type(field("Telefone do contato"), "2133334444");
  await user.click(screen.getByLabelText(/^Meu contato sabe/));
  await user.click(screen.getByLabelText(/^Estes dados não foram comprados/));
  await user.click(screen.getByLabelText(/^Li e aceito as regras/));
}

describe("portal referral form", () => {
  it("checks a field when you leave it, and forgets the complaint once it is corrected", async () => {
    stubNetwork();
    const { user } = renderApp(<ReferralFormHost />);
    await user.type(field("E-mail do contato"), "carlos@");
    expect(screen.queryByText("Informe um e-mail válido, como nome@empresa.com.br.")).toBeNull();
    await user.tab();
    expect(await screen.findByText("Informe um e-mail válido, como nome@empresa.com.br.")).toBeTruthy();
    expect(field("E-mail do contato").getAttribute("aria-invalid")).toBe("true");
    await user.type(field("E-mail do contato"), "padaria.com.br");
    expect(screen.queryByText("Informe um e-mail válido, como nome@empresa.com.br.")).toBeNull();
    // Leaving a required field empty says so too (the contact phone, left on the way, as well).
    await user.click(field("Nome da empresa"));
    await user.tab();
    await waitFor(() => expect(field("Nome da empresa").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getAllByText("Preencha este campo.")).toHaveLength(2);
    expect(field("Cargo").getAttribute("aria-invalid")).not.toBe("true");
  });

  it("masks the CNPJ and phone numbers as they are typed", async () => {
    stubNetwork();
    const { user } = renderApp(<ReferralFormHost />);
    await user.type(field("CNPJ"), "11222333000181");
    expect(field("CNPJ").value).toBe("11.222.333/0001-81");
    await user.type(field("Telefone do contato"), "11987654321");
    expect(field("Telefone do contato").value).toBe("(11) 98765-4321");
    // The referrer's stored number comes in already masked.
    expect(field("Seu telefone ou WhatsApp").value).toBe("(11) 98765-4321");
  });

  it("shows every problem at once on submit, sends nothing and focuses the first one", async () => {
    const network = stubNetwork();
    const { user } = renderApp(<ReferralFormHost />);
    await user.type(field("CNPJ"), "11222333000100");
    await user.click(screen.getByRole("button", { name: "Enviar indicação" }));
    expect(await screen.findByText("Revise os campos destacados.")).toBeTruthy();
    // Birth date, customer?, company, size, contact name, role, department, e-mail and phone.
    expect(screen.getAllByText("Preencha este campo.")).toHaveLength(9);
    expect(screen.getByText("CNPJ inválido: confira os dígitos.")).toBeTruthy();
    expect(screen.getByText(/^Seu contato precisa saber/)).toBeTruthy();
    expect(screen.getByText("Confirme que os dados não foram comprados nem tirados de listas.")).toBeTruthy();
    expect(screen.getByText("É preciso aceitar as regras do programa.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(field("Sua data de nascimento")));
    expect(network.sent).toHaveLength(0);
  });

  it("names an under-age birth date together with the other problems, not after them", async () => {
    const network = stubNetwork();
    const { user } = renderApp(<ReferralFormHost />);
    await user.type(field("Sua data de nascimento"), `${new Date().getFullYear() - 16}-01-15`);
    await user.type(field("CNPJ"), "11222333000100");
    await user.click(screen.getByRole("button", { name: "Enviar indicação" }));
    expect(await screen.findByText("É preciso ter 18 anos ou mais para participar.")).toBeTruthy();
    expect(screen.getByText("CNPJ inválido: confira os dígitos.")).toBeTruthy();
    expect(network.sent).toHaveLength(0);
  });

  it("posts the referral and shows the server's field errors beside their inputs", async () => {
    const network = stubNetwork();
    network.on("POST", "/api/public/programs/acme/referrals", () =>
      apiError(422, "validation_failed", {
        companyName: ["Não é possível indicar a própria empresa."],
        contactPhone: ["Telefone inválido."],
      }),
    );
    const { user } = renderApp(<ReferralFormHost />);
    await fillValidReferral(user);
    await user.click(screen.getByRole("button", { name: "Enviar indicação" }));
    expect(await screen.findByText("Não é possível indicar a própria empresa.")).toBeTruthy();
    expect(screen.getByText("Telefone inválido: use DDD e número, como (11) 98765-4321.")).toBeTruthy();
    const [sent] = network.to("/api/public/programs/acme/referrals");
    expect(sent?.body).toMatchObject({
      referrerName: "Rita Referrer",
      referrerEmail: "rita@gmail.com",
      referrerBirthDate: "1990-05-10",
      referrerIsCustomer: false,
      companyName: "Padaria Central",
      companyCnpj: "11.222.333/0001-81",
      companySize: "medium",
      contactDepartment: "it",
      contactEmail: "carlos@padaria.com.br",
      contactPhone: "(21) 3333-4444",
      supportAgents: null,
      acceptTerms: true,
    });
    // Editing a refused field takes the server's complaint away.
    await user.type(field("Nome da empresa"), "!");
    expect(screen.queryByText("Não é possível indicar a própria empresa.")).toBeNull();
  });

  it("sends nothing more once the server accepted it", async () => {
    const network = stubNetwork();
    network.on("POST", "/api/public/programs/acme/referrals", () =>
      json({ id: "r1", status: "in_progress" }, 201),
    );
    const { user } = renderApp(<ReferralFormHost />);
    await fillValidReferral(user);
    await user.click(screen.getByRole("button", { name: "Enviar indicação" }));
    await waitFor(() => expect(network.to("/api/public/programs/acme/referrals")).toHaveLength(1));
    expect(screen.queryByText("Revise os campos destacados.")).toBeNull();
  });
});
