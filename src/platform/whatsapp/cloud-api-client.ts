// A small client for the WhatsApp Cloud API's message endpoint (POST /{phone-number-id}/messages).
import type { WhatsAppOutboxMessage } from "./schema.js";

export type WhatsAppCloudSettings = {
  /** Base URL including the Graph API version, e.g. https://graph.facebook.com/v21.0 */
  apiUrl: string;
  accessToken: string;
  phoneNumberId: string;
};

export class WhatsAppApiError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    /** 4xx other than 429: the same request will fail again (bad number, unknown template…). */
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = "WhatsAppApiError";
  }
}

const REQUEST_TIMEOUT_MS = 15_000;

/** Sends one template message; returns the provider's message id ("wamid…"). */
export async function sendWhatsAppTemplate(
  settings: WhatsAppCloudSettings,
  message: Pick<WhatsAppOutboxMessage, "toPhone" | "templateName" | "languageCode" | "parameters">,
): Promise<string> {
  const url = `${settings.apiUrl.replace(/\/+$/, "")}/${settings.phoneNumberId}/messages`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${settings.accessToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      // The Cloud API takes the number in international form without the plus sign.
      to: message.toPhone.replace(/^\+/, ""),
      type: "template",
      template: {
        name: message.templateName,
        language: { code: message.languageCode },
        components: [
          {
            type: "body",
            parameters: message.parameters.map((text) => ({ type: "text", text })),
          },
        ],
      },
    }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as {
    messages?: { id?: string }[];
    error?: { message?: string; code?: number };
  };
  if (!response.ok) {
    const detail = body.error?.message ?? response.statusText;
    const isPermanent = response.status >= 400 && response.status < 500 && response.status !== 429;
    throw new WhatsAppApiError(response.status, `WhatsApp API ${response.status}: ${detail}`, isPermanent);
  }
  const id = body.messages?.[0]?.id;
  if (!id) throw new WhatsAppApiError(response.status, "WhatsApp API answered without a message id", false);
  return id;
}
