import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, type SentRequest, stubNetwork } from "../../test-support/network";
import { renderApp } from "../../test-support/render";
import { adminTicketDetail } from "../../test-support/tickets";
import { TicketComposer } from "./ticket-composer";

const ticket = adminTicketDetail(1);

const canned = [
  {
    id: "c1",
    programId: "p1",
    title: "Saudação",
    body: "Olá {{nome}}",
    rendered: "Olá Rita,",
    updatedAt: "",
  },
];

function helpdeskApi() {
  const network = stubNetwork();
  network.on("GET", "/api/admin/tickets/t1/canned-replies", () => json({ items: canned }));
  const answer = ({ body }: SentRequest) => json({ ...ticket, lastMessageAt: "now", body });
  network.on("POST", "/api/admin/tickets/t1/replies", answer);
  network.on("POST", "/api/admin/tickets/t1/notes", answer);
  return network;
}

const messageBox = () => screen.getByRole("textbox") as HTMLTextAreaElement;

describe("agent's ticket composer", () => {
  it("sends a reply with the status chosen for afterwards, then clears the message", async () => {
    const network = helpdeskApi();
    const { user } = renderApp(<TicketComposer ticket={ticket} csrfToken="csrf-1" />);
    expect(
      screen.getByText("Aparece no portal do participante e vai por e-mail para rita@gmail.com."),
    ).toBeTruthy();
    await user.type(screen.getByLabelText("Resposta ao participante"), "Já enviamos o vale.");
    await user.selectOptions(screen.getByLabelText("Status depois de enviar"), "resolved");
    await user.click(screen.getByRole("button", { name: "Enviar resposta" }));
    expect(await screen.findByText("Resposta enviada ao participante.")).toBeTruthy();
    const [sent] = network.to("/api/admin/tickets/t1/replies");
    expect(sent?.body).toEqual({ message: "Já enviamos o vale.", status: "resolved" });
    expect(sent?.headers.get("x-csrf-token")).toBe("csrf-1");
    expect(network.to("/api/admin/tickets/t1/notes")).toHaveLength(0);
    expect(messageBox().value).toBe("");
  });

  it("adds an internal note instead when the note tab is chosen, with no status to pick", async () => {
    const network = helpdeskApi();
    const { user } = renderApp(<TicketComposer ticket={ticket} csrfToken="csrf-1" />);
    await user.click(screen.getByText("Nota interna"));
    expect(await screen.findByText("Só a equipe vê. O participante nunca recebe notas.")).toBeTruthy();
    expect(screen.queryByLabelText("Status depois de enviar")).toBeNull();
    await user.type(screen.getByRole("textbox", { name: "Nota interna" }), "Conferir com logística.");
    await user.click(screen.getByRole("button", { name: "Adicionar nota" }));
    expect(await screen.findByText("Nota adicionada.")).toBeTruthy();
    expect(network.to("/api/admin/tickets/t1/notes")[0]?.body).toEqual({
      message: "Conferir com logística.",
    });
    expect(network.to("/api/admin/tickets/t1/replies")).toHaveLength(0);
  });

  it("inserts a canned reply, filled in for this ticket, after what was already written", async () => {
    helpdeskApi();
    const { user } = renderApp(<TicketComposer ticket={ticket} csrfToken="csrf-1" />);
    const select = await screen.findByLabelText("Resposta pronta");
    await user.selectOptions(select, "c1");
    expect(messageBox().value).toBe("Olá Rita,");
    await user.type(messageBox(), " tudo bem?  ");
    await user.selectOptions(select, "c1");
    expect(messageBox().value).toBe("Olá Rita, tudo bem?\n\nOlá Rita,");
    expect(document.activeElement).toBe(messageBox());
    expect((select as HTMLSelectElement).value).toBe("");
  });

  it("refuses an empty message: nothing is sent and the focus goes back to the message", async () => {
    const network = helpdeskApi();
    const { user } = renderApp(<TicketComposer ticket={ticket} csrfToken="csrf-1" />);
    await user.type(messageBox(), "   ");
    await user.click(screen.getByRole("button", { name: "Enviar resposta" }));
    await waitFor(() => expect(document.activeElement).toBe(messageBox()));
    expect(network.to("/api/admin/tickets/t1/replies")).toHaveLength(0);
    expect(screen.queryByText("Resposta enviada ao participante.")).toBeNull();
  });

  it("keeps the message and says why when the server refuses it", async () => {
    const network = helpdeskApi();
    network.on("POST", "/api/admin/tickets/t1/replies", () => apiError(403, "csrf_failed"));
    const { user } = renderApp(<TicketComposer ticket={ticket} csrfToken="csrf-1" />);
    await user.type(messageBox(), "Olá!");
    await user.click(screen.getByRole("button", { name: "Enviar resposta" }));
    expect(
      await screen.findByText("Sua sessão mudou em outra aba. Recarregue a página e tente de novo."),
    ).toBeTruthy();
    expect(messageBox().value).toBe("Olá!");
  });
});
