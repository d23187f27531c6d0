import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubNetwork } from "../../test-support/network";
import { renderApp } from "../../test-support/render";
import { portalTicket } from "../../test-support/tickets";
import { PortalHelpdeskPage } from "./portal-helpdesk-page";

// The list kit on the portal side: tabs bound to ?state=, counts from the first page, keyset pages.

const counts = { open: 3, closed: 0 };

describe("portal tickets list", () => {
  it("opens on the open tickets, pages through them and switches to closed ones by URL", async () => {
    const network = stubNetwork();
    network.on("GET", "/api/portal/tickets", ({ url }) => {
      if (url.searchParams.get("state") === "closed") return json({ items: [], nextCursor: null, counts });
      return url.searchParams.get("cursor") === "c2"
        ? json({ items: [portalTicket(3)], nextCursor: null, counts })
        : json({ items: [portalTicket(1), portalTicket(2)], nextCursor: "c2", counts });
    });
    const { user, currentUrl } = renderApp(<PortalHelpdeskPage />, { url: "/portal/helpdesk" });
    expect(await screen.findByRole("article", { name: "Dúvida 2" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Em aberto (3)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Carregar mais" }));
    expect(await screen.findByRole("article", { name: "Dúvida 3" })).toBeTruthy();
    expect(network.to("/api/portal/tickets")[1]?.url.search).toBe("?state=open&cursor=c2");
    await user.click(screen.getByRole("tab", { name: "Encerrados (0)" }));
    await waitFor(() => expect(currentUrl()).toBe("/portal/helpdesk?state=closed"));
    expect(await screen.findByText("Nenhum atendimento encerrado.")).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: /^Em aberto/ }));
    await waitFor(() => expect(currentUrl()).toBe("/portal/helpdesk"));
  });

  it("reads a hand-edited state it does not know as the open tickets", async () => {
    const network = stubNetwork();
    network.on("GET", "/api/portal/tickets", () => json({ items: [], nextCursor: null, counts }));
    renderApp(<PortalHelpdeskPage />, { url: "/portal/helpdesk?state=everything" });
    expect(await screen.findByText("Você não tem atendimentos em aberto.")).toBeTruthy();
    expect(network.to("/api/portal/tickets")[0]?.url.search).toBe("?state=open");
  });
});
