import { Typography } from "@mantine/core";

/**
 * A helpdesk message. The HTML was sanitized by the server when the message was written (an allow-list
 * of formatting tags, links only to http(s)/mailto, no attributes that run code), and the page's
 * Content-Security-Policy allows no inline script besides: rendering it keeps links clickable while a
 * `<script>` someone typed stays inert.
 */
export function MessageBody({ html }: { html: string }) {
  return (
    <Typography
      fz="sm"
      style={{ overflowWrap: "anywhere" }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the server, see above
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
