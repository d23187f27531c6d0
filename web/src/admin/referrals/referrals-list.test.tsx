import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, deferred, json, stubNetwork } from "../../test-support/network";
import { renderApp } from "../../test-support/render";
import { staffSession } from "../../test-support/sessions";
import type { AdminReferralSummary } from "./referrals-api";
import { ReferralsPage } from "./referrals-page";

// The list kit (app/list-kit) as its pages use it: the admin referrals list, with fetch stubbed at the
// network edge.

function referral(n: number): AdminReferralSummary {
  return {
    id: `r${n}`,
    programId: "p1",
    status: "in_progress",
    reason: null,
    companyName: `Empresa ${n}`,
    companyCnpj: null,
    contactName: `Contato ${n}`,
    contactEmail: `contato${n}@empresa.test`,
    referrer: { id: "ref1", name: "Rita", email: "rita@corrente.test" },
    assignee: null,
    createdAt: "2026-11-01T12:00:00Z",
    updatedAt: "2026-11-02T12:00:00Z",
  };
}

function referralsApi(pages: Record<string, { items: AdminReferralSummary[]; nextCursor: string | null }>) {
  const network = stubNetwork();
  network.on("GET", "/api/admin/staff", () => json({ items: [] }));
  network.on("GET", "/api/admin/referrals", ({ url }) => json(pages[url.searchParams.get("cursor") ?? ""]));
  return network;
}

function openReferrals(url = "/admin/referrals", session = staffSession("admin")) {
  return renderApp(<ReferralsPage />, { url, path: "/admin/referrals", outletContext: session });
}

describe("list kit: URL-bound filters and sort", () => {
  it("reads the filters from the URL and sends them to the API as the page's query", async () => {
    const network = referralsApi({ "": { items: [referral(1)], nextCursor: null } });
    openReferrals("/admin/referrals?status=not_qualified&reason=budget&q=acme&sort=companyName&order=asc");
    await screen.findByText("Empresa 1");
    const sent = network.to("/api/admin/referrals")[0]!.url.searchParams;
    // "budget" is a reason of not_advanced, not of not_qualified: a hand-edited URL loses it.
    expect(Object.fromEntries(sent)).toEqual({
      status: "not_qualified",
      q: "acme",
      sort: "companyName",
      order: "asc",
    });
    expect((screen.getByLabelText("Buscar") as HTMLInputElement).value).toBe("acme");
  });

  it("writes applied filters to the URL, leaving defaults out, and clears them keeping the sort", async () => {
    const network = referralsApi({ "": { items: [referral(1)], nextCursor: null } });
    const { user, currentUrl } = openReferrals("/admin/referrals?sort=updatedAt");
    await screen.findByText("Empresa 1");
    await user.type(screen.getByLabelText("Buscar"), "  padaria  ");
    await user.selectOptions(screen.getByLabelText("Status"), "qualified");
    await user.click(screen.getByRole("button", { name: "Filtrar" }));
    await waitFor(() =>
      expect(currentUrl()).toBe("/admin/referrals?status=qualified&q=padaria&sort=updatedAt"),
    );
    await waitFor(() => expect(network.to("/api/admin/referrals")).toHaveLength(2));
    await user.click(screen.getByRole("button", { name: "Limpar filtros" }));
    await waitFor(() => expect(currentUrl()).toBe("/admin/referrals?sort=updatedAt"));
    expect((screen.getByLabelText("Buscar") as HTMLInputElement).value).toBe("");
  });

  it("refuses an inverted date range beside the end date, without touching the URL", async () => {
    referralsApi({ "": { items: [referral(1)], nextCursor: null } });
    const { user, currentUrl } = openReferrals();
    await screen.findByText("Empresa 1");
    await user.type(screen.getByLabelText("Criada a partir de"), "2026-11-20");
    await user.type(screen.getByLabelText("Criada até"), "2026-11-01");
    await user.click(screen.getByRole("button", { name: "Filtrar" }));
    expect(await screen.findByText("A data final vem antes da inicial.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Criada até"));
    expect(currentUrl()).toBe("/admin/referrals");
  });
});

describe("list kit: sortable headers", () => {
  it("marks the sorted column with aria-sort and sorts from the keyboard", async () => {
    referralsApi({ "": { items: [referral(1)], nextCursor: null } });
    const { user, currentUrl } = openReferrals();
    await screen.findByText("Empresa 1");
    const company = screen.getByRole("columnheader", { name: /^Empresa/ });
    const created = screen.getByRole("columnheader", { name: /^Criada em/ });
    expect(created.getAttribute("aria-sort")).toBe("descending");
    expect(company.getAttribute("aria-sort")).toBe("none");
    // The hint is read with the label; the arrow is hidden from screen readers.
    const button = within(company).getByRole("button", { name: "Empresa (ordenar por esta coluna)" });
    button.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(currentUrl()).toBe("/admin/referrals?sort=companyName&order=asc"));
    await waitFor(() =>
      expect(screen.getByRole("columnheader", { name: /^Empresa/ }).getAttribute("aria-sort")).toBe(
        "ascending",
      ),
    );
    within(screen.getByRole("columnheader", { name: /^Empresa/ }))
      .getByRole("button")
      .focus();
    await user.keyboard(" ");
    await waitFor(() => expect(currentUrl()).toBe("/admin/referrals?sort=companyName"));
  });
});

describe("list kit: states", () => {
  it("shows a loader while the first page is on its way, then the rows and how many", async () => {
    const network = stubNetwork();
    network.on("GET", "/api/admin/staff", () => json({ items: [] }));
    const answer = deferred();
    network.on("GET", "/api/admin/referrals", () => answer.promise);
    openReferrals();
    expect(await screen.findByLabelText("Carregando…")).toBeTruthy();
    answer.release(json({ items: [referral(1), referral(2)], nextCursor: null }));
    expect(await screen.findByText("2 indicações exibidas")).toBeTruthy();
    expect(screen.queryByLabelText("Carregando…")).toBeNull();
  });

  it("tells an empty list from an empty result of filters", async () => {
    referralsApi({ "": { items: [], nextCursor: null } });
    openReferrals();
    expect(await screen.findByText("Ainda não há indicações.")).toBeTruthy();
  });

  it("says when filters match nothing", async () => {
    referralsApi({ "": { items: [], nextCursor: null } });
    openReferrals("/admin/referrals?q=nada");
    expect(await screen.findByText("Nenhuma indicação corresponde aos filtros.")).toBeTruthy();
  });

  it("shows a failure with a retry that loads the list again", async () => {
    const network = stubNetwork();
    network.on("GET", "/api/admin/staff", () => json({ items: [] }));
    network.on("GET", "/api/admin/referrals", () => apiError(400, "bad_request"));
    const { user } = openReferrals();
    expect(await screen.findByText("Não foi possível carregar as indicações.")).toBeTruthy();
    network.on("GET", "/api/admin/referrals", () => json({ items: [referral(1)], nextCursor: null }));
    await user.click(screen.getByRole("button", { name: "Tentar novamente" }));
    expect(await screen.findByText("Empresa 1")).toBeTruthy();
  });

  it("shows the forbidden notice without asking the server when the session lacks the permission", async () => {
    const network = referralsApi({ "": { items: [], nextCursor: null } });
    openReferrals("/admin/referrals", staffSession("support"));
    expect(
      await screen.findByText("Só proprietários, administradores e vendas podem ver as indicações."),
    ).toBeTruthy();
    expect(network.to("/api/admin/referrals")).toHaveLength(0);
  });

  it("says the list is forbidden when the server refuses it", async () => {
    const network = stubNetwork();
    network.on("GET", "/api/admin/staff", () => json({ items: [] }));
    network.on("GET", "/api/admin/referrals", () => apiError(403, "role_forbidden"));
    openReferrals();
    expect(await screen.findByText("Seu papel não permite esta ação.")).toBeTruthy();
    expect(screen.queryByText("Não foi possível carregar as indicações.")).toBeNull();
  });
});

describe("list kit: load more", () => {
  it("asks for the next cursor and moves the focus to the first new row", async () => {
    const network = referralsApi({
      "": { items: [referral(1), referral(2)], nextCursor: "c2" },
      c2: { items: [referral(3)], nextCursor: null },
    });
    const { user } = openReferrals("/admin/referrals?q=emp");
    await screen.findByText("Empresa 2");
    await user.click(screen.getByRole("button", { name: "Carregar mais" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Empresa 3"));
    expect(screen.getByText("3 indicações exibidas")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Carregar mais" })).toBeNull();
    const second = network.to("/api/admin/referrals")[1]!.url.searchParams;
    expect(Object.fromEntries(second)).toEqual({ q: "emp", cursor: "c2" });
  });

  it("keeps the rows and says so when the next page fails", async () => {
    const network = referralsApi({ "": { items: [referral(1)], nextCursor: "c2" } });
    const { user } = openReferrals();
    await screen.findByText("Empresa 1");
    network.on("GET", "/api/admin/referrals", () => apiError(400, "bad_cursor"));
    await user.click(screen.getByRole("button", { name: "Carregar mais" }));
    expect(
      await screen.findByText("Algo deu errado do nosso lado. Tente de novo em instantes."),
    ).toBeTruthy();
    expect(screen.getByText("Empresa 1")).toBeTruthy();
  });
});

describe("referral assignees", () => {
  it("offers everyone who can work referrals, owners and admins too, not only sales", async () => {
    const network = referralsApi({ "": { items: [referral(1)], nextCursor: null } });
    network.on("GET", "/api/admin/staff", () =>
      json({ items: [{ id: "s1", name: "Olga Dona", email: "olga@corrente.test", role: "owner" }] }),
    );
    openReferrals();
    const assignee = await screen.findByLabelText("Responsável");
    await within(assignee).findByRole("option", { name: "Olga Dona" });
    const asked = network
      .to("/api/admin/staff")
      .map((request) => Object.fromEntries(request.url.searchParams));
    expect(asked).toEqual([{ permission: "referrals.work" }]);
  });
});
