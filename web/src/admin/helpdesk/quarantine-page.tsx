import { Alert, Anchor, Box, Grid, NativeSelect, Stack, Text } from "@mantine/core";
import { type RefObject, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ForbiddenNotice, ListSection, useKeysetList } from "../../app/list-kit";
import { PageHeader, PageLink } from "../../app/page-header";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan, useSignedInStaff } from "../admin-session";
import { inboundKeys, listInboundEmails, reviewedStatuses } from "./inbound-api";
import { InboundEmailPanel, type QuarantineNotice } from "./inbound-email-panel";
import { InboundEmailsTable } from "./inbound-emails-table";
import { quarantineSearch, quarantineUrl } from "./quarantine-search";

// /admin/helpdesk/quarantine – e-mails nobody could be tied to (attach or discard), and for audit what
// was ignored, bounced or discarded; ?status= picks the list, ?id= the e-mail open beside it.
export function QuarantinePage() {
  const { th } = useHelpdeskTranslation();
  const { csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("helpdesk.work");
  const list = useKeysetList({
    search: quarantineSearch,
    queryKey: ({ status }) => inboundKeys.list(status),
    fetchPage: ({ status }, cursor) => listInboundEmails(status, cursor),
    enabled: isAllowed,
    rowSelector: "[data-email-link]",
  });
  const { status } = list.filters;
  const selectedId = list.filters.id || null;
  const emails = list.state.items;
  const [notice, setNotice] = useState<QuarantineNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  // Picking an e-mail from the list takes keyboard users to it; a page opened on one stays at the top.
  const previousId = useRef(selectedId);
  useEffect(() => {
    if (selectedId && selectedId !== previousId.current) panelRef.current?.focus();
    previousId.current = selectedId;
  }, [selectedId]);

  function handled(next: QuarantineNotice) {
    setNotice(next);
    list.apply({ status, id: "" });
  }

  if (!isAllowed) {
    return <ForbiddenNotice title={th("admin.quarantine.title")} message={th("admin.forbidden")} />;
  }

  return (
    <Stack gap="lg">
      <PageLink to="/admin/helpdesk">{th("admin.ticket.back")}</PageLink>
      <PageHeader title={th("admin.quarantine.title")} intro={th("admin.quarantine.intro")} />
      <NativeSelect
        label={th("admin.quarantine.show")}
        value={status}
        onChange={(event) => {
          setNotice(null);
          const chosen = reviewedStatuses.find((value) => value === event.currentTarget.value);
          list.apply({ status: chosen ?? "quarantined", id: "" });
        }}
        data={reviewedStatuses.map((value) => ({
          value,
          label: th(`admin.quarantine.statuses.${value}`),
        }))}
        maw={320}
      />
      {notice ? <NoticeAlert notice={notice} noticeRef={noticeRef} onClose={() => setNotice(null)} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ListSection
            list={list.state}
            heading={th("admin.quarantine.list")}
            texts={{
              loadFailed: th("admin.quarantine.loadFailed"),
              empty: th("admin.quarantine.empty"),
              shown: th("admin.quarantine.shown", { count: emails.length }),
            }}
          >
            {(items) => (
              <InboundEmailsTable
                emails={items}
                selectedId={selectedId}
                linkTo={(id) => quarantineUrl(status, id)}
              />
            )}
          </ListSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Box ref={panelRef} tabIndex={-1} style={{ outline: "none" }}>
            {selectedId ? (
              <InboundEmailPanel id={selectedId} csrfToken={csrfToken} onHandled={handled} />
            ) : emails.length > 0 ? (
              <Text c="dimmed" size="sm">
                {th("admin.quarantine.detail.choose")}
              </Text>
            ) : null}
          </Box>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type NoticeAlertProps = {
  notice: QuarantineNotice;
  noticeRef: RefObject<HTMLDivElement | null>;
  onClose: () => void;
};

/** What became of the e-mail just handled, focused so keyboard users hear it, with a link to its ticket. */
function NoticeAlert({ notice, noticeRef, onClose }: NoticeAlertProps) {
  const { th } = useHelpdeskTranslation();
  return (
    <Alert
      ref={noticeRef}
      tabIndex={-1}
      role={notice.tone === "success" ? "status" : "alert"}
      color={notice.tone === "success" ? "green" : "orange"}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={th("admin.quarantine.closeNotice")}
    >
      <Stack gap={4} align="flex-start">
        <Text size="sm">{notice.message}</Text>
        {notice.ticketId ? (
          <Anchor component={Link} to={`/admin/helpdesk/${notice.ticketId}`} size="sm" fw={600}>
            {th("admin.quarantine.detail.openTicket")}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
