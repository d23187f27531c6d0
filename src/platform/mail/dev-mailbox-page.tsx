import { renderToStaticMarkup } from "react-dom/server";
import type { listDevMailbox } from "./dev-mailbox.js";

type MailboxItem = Awaited<ReturnType<typeof listDevMailbox>>[number];

const css = `body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1f2933}main{max-width:900px;margin:0 auto;padding:16px}
article{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0}h2{font-size:1.05rem;margin:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px;color:#52606d}
dd{margin:0;word-break:break-all}pre{white-space:pre-wrap;background:#f7f8fa;padding:8px;border-radius:6px}iframe{width:100%;height:420px;border:1px solid #e4e7eb;border-radius:6px}`;

/** The development mailbox as a page: each message's headers, links, text, and HTML in a sandbox. */
export function renderDevMailboxPage(items: MailboxItem[]): string {
  const page = (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Development mailbox · Corrente</title>
        <style>{css}</style>
      </head>
      <body>
        <main>
          <h1>Development mailbox</h1>
          <p>E-mails are delivered here because no SMTP_URL is set. Newest first. JSON: /api/dev/mailbox</p>
          {items.length === 0 ? <p>No e-mail yet.</p> : null}
          {items.map((item) => (
            <article key={`${item.messageId}-${item.sentAt}`}>
              <h2>{item.subject}</h2>
              <dl>
                <dt>To</dt>
                <dd>{item.to}</dd>
                <dt>From</dt>
                <dd>{item.from}</dd>
                <dt>Reply-To</dt>
                <dd>{item.replyTo}</dd>
                <dt>Message-ID</dt>
                <dd>{item.messageId}</dd>
                <dt>Sent</dt>
                <dd>{item.sentAt}</dd>
              </dl>
              <ul>
                {item.links.map((link) => (
                  <li key={link}>
                    <a href={link}>{link}</a>
                  </li>
                ))}
              </ul>
              <details>
                <summary>Text</summary>
                <pre>{item.text}</pre>
              </details>
              <details>
                <summary>HTML</summary>
                <iframe title={item.subject} sandbox="" srcDoc={item.html} />
              </details>
            </article>
          ))}
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}
