import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Grid,
  Loader,
  NativeSelect,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { apiErrorMessage } from "../../app/api-error-message";
import { useFocusNewRows } from "../../app/focus-new-rows";
import { useHelpdeskTranslation } from "../../i18n/helpdesk-translation";
import { useCan, useSignedInStaff } from "../admin-session";
import { inboundKeys, listInboundEmails, type ReviewedStatus, reviewedStatuses } from "./inbound-api";
import { InboundEmailPanel, type QuarantineNotice } from "./inbound-email-panel";
import { InboundEmailsTable } from "./inbound-emails-table";

function statusFrom(search: URLSearchParams): ReviewedStatus {
  const value = search.get("status");
  return reviewedStatuses.find((status) => status === value) ?? "quarantined";
}

function searchFor(status: ReviewedStatus, id: string | null): URLSearchParams {
  const search = new URLSearchParams();
  if (status !== "quarantined") search.set("status", status);
  if (id) search.set("id", id);
  return search;
}

function pageUrl(status: ReviewedStatus, id: string | null): string {
  const query = searchFor(status, id).toString();
  return `/admin/helpdesk/quarantine${query ? `?${query}` : ""}`;
}

// /admin/helpdesk/quarantine – e-mails nobody could be tied to (attach or discard), and for audit what
// was ignored, bounced or discarded; ?status= picks the list, ?id= the e-mail open beside it.
export function QuarantinePage() {
  const { t } = useTranslation();
  const { th } = useHelpdeskTranslation();
  const { csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("helpdesk.work");
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusFrom(searchParams);
  const selectedId = searchParams.get("id");
  const [notice, setNotice] = useState<QuarantineNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const list = useInfiniteQuery({
    queryKey: inboundKeys.list(status),
    queryFn: ({ pageParam }) => listInboundEmails(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: isAllowed,
  });
  const emails = list.data?.pages.flatMap((page) => page.items) ?? [];
  const expectNewRows = useFocusNewRows(tableRef, "[data-email-link]", emails.length);

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
    setSearchParams(searchFor(status, null));
  }

  if (!isAllowed) {
    return (
      <Stack gap="lg">
        <Title order={1}>{th("admin.quarantine.title")}</Title>
        <Alert color="yellow">{th("admin.forbidden")}</Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/helpdesk" size="sm">
        {th("admin.ticket.back")}
      </Anchor>
      <div>
        <Title order={1}>{th("admin.quarantine.title")}</Title>
        <Text c="dimmed" mt={4}>
          {th("admin.quarantine.intro")}
        </Text>
      </div>
      <NativeSelect
        label={th("admin.quarantine.show")}
        value={status}
        onChange={(event) => {
          setNotice(null);
          setSearchParams(searchFor(event.currentTarget.value as ReviewedStatus, null));
        }}
        data={reviewedStatuses.map((value) => ({
          value,
          label: th(`admin.quarantine.statuses.${value}`),
        }))}
        maw={320}
      />
      {notice ? (
        <Alert
          ref={noticeRef}
          tabIndex={-1}
          role={notice.tone === "success" ? "status" : "alert"}
          color={notice.tone === "success" ? "green" : "orange"}
          withCloseButton
          onClose={() => setNotice(null)}
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
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm" component="section" aria-labelledby="inbound-results">
            <Title order={2} size="h4" id="inbound-results">
              {th("admin.quarantine.list")}
            </Title>
            {list.isPending ? (
              <Center role="status" py="xl">
                <Loader aria-label={t("common.loading")} />
              </Center>
            ) : list.isError && emails.length === 0 ? (
              <Alert color="red" title={th("admin.quarantine.loadFailed")}>
                <Stack gap="xs" align="flex-start">
                  {apiErrorMessage(list.error, t)}
                  <Button size="xs" variant="default" onClick={() => void list.refetch()}>
                    {t("common.retry")}
                  </Button>
                </Stack>
              </Alert>
            ) : emails.length === 0 ? (
              <Text role="status">{th("admin.quarantine.empty")}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed" role="status">
                  {th("admin.quarantine.shown", { count: emails.length })}
                </Text>
                <InboundEmailsTable
                  emails={emails}
                  selectedId={selectedId}
                  linkTo={(id) => pageUrl(status, id)}
                  tableRef={tableRef}
                />
                {list.isFetchNextPageError ? (
                  <Alert color="red">{apiErrorMessage(list.error, t)}</Alert>
                ) : null}
                {list.hasNextPage ? (
                  <Button
                    variant="default"
                    onClick={() => {
                      expectNewRows();
                      void list.fetchNextPage();
                    }}
                    loading={list.isFetchingNextPage}
                    style={{ alignSelf: "center" }}
                  >
                    {th("admin.quarantine.loadMore")}
                  </Button>
                ) : null}
              </>
            )}
          </Stack>
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
