import { Alert, Button, Center, Loader, Modal, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import type { AdminOffer, OfferStatus } from "../../api/reward-types";
import { apiErrorMessage } from "../../app/api-error-message";
import { useDialogFocus } from "../../app/dialog-focus";
import { useFocusNewRows } from "../../app/focus-new-rows";
import { useFormatters } from "../../app/formatting";
import { useCan, useSignedInStaff } from "../admin-session";
import { fulfilmentFiltersFrom, listFulfilment, type OfferUpdate, updateOffer } from "./fulfilment-api";
import { FulfilmentFiltersBar } from "./fulfilment-filters";
import { FulfilmentTable } from "./fulfilment-table";
import { type OfferAction, OfferUpdateForm, offerUpdateErrorMessage } from "./offer-update-form";
import { ProgramSelect, useChosenProgram } from "./program-select";

type Dialog = { offer: AdminOffer; action: OfferAction; isOpen: boolean };
type News = { tone: "success" | "conflict"; message: string };

// /admin/rewards/fulfilment[?program=&status=&dueMonth=] – the reward queue: choice, delivery, delays.
export function FulfilmentPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { programs, csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("rewards.manage");
  const { program, choose } = useChosenProgram(programs);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = fulfilmentFiltersFrom(searchParams, program?.id ?? "");
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: queryKeys.fulfilmentList(filters),
    queryFn: ({ pageParam }) => listFulfilment(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: isAllowed && Boolean(program),
  });
  const offers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [news, setNews] = useState<News | null>(null);
  const focus = useDialogFocus();
  const results = useRef<HTMLDivElement>(null);
  const update = useMutation({
    mutationFn: ({ offer, body }: { offer: AdminOffer; body: OfferUpdate }) =>
      updateOffer(offer.id, body, csrfToken),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.fulfilment }),
  });

  const expectNewRows = useFocusNewRows(results, "[data-offer-link]", offers.length);
  function loadMore() {
    expectNewRows();
    void list.fetchNextPage();
  }
  function setParam(key: "status" | "dueMonth", value: string) {
    setNews(null);
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }
  function open(offer: AdminOffer, action: OfferAction, button: HTMLElement) {
    update.reset();
    setNews(null);
    focus.opened(button);
    setDialog({ offer, action, isOpen: true });
  }
  function close(to: "trigger" | "news") {
    focus.closing(to);
    setDialog((current) => (current ? { ...current, isOpen: false } : null));
  }
  function submit(offer: AdminOffer, body: OfferUpdate) {
    update.mutate(
      { offer, body },
      {
        onSuccess: (saved) => {
          const key = saved.status === "delivered" ? "delivered" : "delayed";
          setNews({
            tone: "success",
            message: t(`admin.fulfilment.${key}`, { name: saved.participant.name }),
          });
          close("news");
        },
        onError: (error) => {
          // A 409: the offer changed meanwhile (delivered elsewhere, not chosen yet). The list reloads.
          if (!isApiError(error) || error.status !== 409) return;
          setNews({ tone: "conflict", message: offerUpdateErrorMessage(error, t) });
          close("news");
        },
      },
    );
  }

  if (!isAllowed || !program) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t("admin.fulfilment.title")}</Title>
        <Alert color="yellow">
          {isAllowed ? t("admin.home.noPrograms") : t("admin.fulfilment.forbidden")}
        </Alert>
      </Stack>
    );
  }

  const statusName = t(`rewards.offerStatus.${filters.status}`);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("admin.fulfilment.title")}</Title>
        <Text c="dimmed" mt={4} maw={760}>
          {t("admin.fulfilment.intro")}
        </Text>
      </div>
      <ProgramSelect programs={programs} value={program.id} onChange={choose} />
      <FulfilmentFiltersBar
        key={filters.dueMonth}
        filters={filters}
        counts={list.data?.pages[0]?.counts}
        listError={list.error}
        onStatus={(status: OfferStatus) => setParam("status", status)}
        onDueMonth={(dueMonth) => setParam("dueMonth", dueMonth)}
      />
      {news ? (
        <Alert
          ref={focus.newsRef}
          tabIndex={-1}
          role={news.tone === "success" ? "status" : "alert"}
          color={news.tone === "success" ? "green" : "orange"}
        >
          {news.message}
        </Alert>
      ) : null}
      {list.isPending ? (
        <Center role="status" py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : list.isError && offers.length === 0 ? (
        <Alert color="red" title={t("admin.fulfilment.loadFailed")}>
          <Stack gap="xs" align="flex-start">
            {apiErrorMessage(list.error, t)}
            <Button size="xs" variant="default" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </Stack>
        </Alert>
      ) : offers.length === 0 ? (
        <Text role="status">
          {filters.dueMonth
            ? t("admin.fulfilment.emptyMonth", { status: statusName, month: format.month(filters.dueMonth) })
            : t("admin.fulfilment.empty", { status: statusName })}
        </Text>
      ) : (
        <Stack gap="sm" ref={results}>
          <FulfilmentTable
            offers={offers}
            caption={t("admin.fulfilment.table.caption", { status: statusName })}
            onAction={open}
          />
          {list.hasNextPage ? (
            <Button
              variant="default"
              onClick={loadMore}
              loading={list.isFetchingNextPage}
              style={{ alignSelf: "center" }}
            >
              {t("admin.fulfilment.loadMore")}
            </Button>
          ) : null}
        </Stack>
      )}
      <Modal
        opened={dialog?.isOpen ?? false}
        onClose={() => close("trigger")}
        onExitTransitionEnd={() => {
          focus.restore();
          setDialog(null);
        }}
        returnFocus={false}
        title={dialog ? t(`admin.fulfilment.${dialog.action}Form.title`) : ""}
      >
        {dialog ? (
          <OfferUpdateForm
            offer={dialog.offer}
            action={dialog.action}
            isPending={update.isPending}
            error={update.error}
            onSubmit={(body) => submit(dialog.offer, body)}
            onCancel={() => close("trigger")}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
