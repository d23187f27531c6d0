import { describe, expect, it } from "vitest";
import { renderSafeMarkdown, sanitizeHtml } from "./safe-html.js";

describe("safe HTML", () => {
  it("renders Markdown formatting and links that open outside without a referrer", () => {
    const html = renderSafeMarkdown("# Dica\n\n**Fale** com [a gente](https://example.com).\n\n- um\n- dois");
    expect(html).toContain("<h2>Dica</h2>");
    expect(html).toContain("<strong>Fale</strong>");
    expect(html).toContain(
      '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">a gente</a>',
    );
    expect(html).toContain("<li>um</li>");
  });

  it.each([
    ["<script>alert(1)</script>ok", "ok"],
    ['<img src=x onerror="alert(1)">', ""],
    ['<a href="javascript:alert(1)">x</a>', "<a"],
    ['<iframe src="https://evil.example"></iframe>', ""],
    ['<p style="position:fixed" onclick="x()">t</p>', "<p>t</p>"],
  ])("removes what could run or restyle the page: %s", (input, expected) => {
    const html = sanitizeHtml(input);
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|iframe|style=/i);
    if (expected) expect(html).toContain(expected);
  });

  it("keeps raw HTML inside Markdown on the same allow-list", () => {
    expect(renderSafeMarkdown("oi <script>x()</script> <b>b</b>")).toBe("<p>oi  <b>b</b></p>\n");
  });
});
