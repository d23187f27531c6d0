import { Modal, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import type { AdminOffer } from "../../api/reward-types";
import { useFocusedDialog } from "../../app/dialog-focus";
import { useFormatters } from "../../app/formatting";
import { ForbiddenNotice, ListSection, useKeysetList } from "../../app/list-kit";
import { NewsAlert } from "../../app/news-alert";
import { PageHeader } from "../../app/page-header";
import { useCan, useSignedInStaff } from "../admin-session";
import { type FulfilmentFilters, listFulfilment, type OfferUpdate, updateOffer } from "./fulfilment-api";
import { FulfilmentFiltersBar } from "./fulfilment-filters";
import { fulfilmentSearch } from "./fulfilment-search";
import { FulfilmentTable } from "./fulfilment-table";
import { type OfferAction, OfferUpdateForm, offerUpdateErrorMessage } from "./offer-update-form";
import { ProgramSelect, useChosenProgram } from "./program-select";

type News = { tone: "success" | "conflict"; message: string };

// /admin/rewards/fulfilment[?program=&status=&dueMonth=] – the reward queue: choice, delivery, delays.
export function FulfilmentPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { programs, csrfToken } = useSignedInStaff();
  const can = useCan();
  const isAllowed = can("rewards.manage");
  const { program, choose } = useChosenProgram(programs);
  // The API's filters name the program the select resolved, not the raw `?program=`.
  const apiFilters = ({ status, dueMonth }: Omit<FulfilmentFilters, "programId">): FulfilmentFilters => ({
    programId: program?.id ?? "",
    status,
    dueMonth,
  });
  const list = useKeysetList({
    search: fulfilmentSearch,
    queryKey: (filters) => queryKeys.fulfilmentList(apiFilters(filters)),
    fetchPage: (filters, cursor) => listFulfilment(apiFilters(filters), cursor),
    enabled: isAllowed && Boolean(program),
    rowSelector: "[data-offer-link]",
  });
  const { filters } = list;
  const queryClient = useQueryClient();
  const dialog = useFocusedDialog<{ offer: AdminOffer; action: OfferAction }>();
  const [news, setNews] = useState<News | null>(null);
  const update = useMutation({
    mutationFn: ({ offer, body }: { offer: AdminOffer; body: OfferUpdate }) =>
      updateOffer(offer.id, body, csrfToken),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.fulfilment }),
  });

  function setFilter(patch: Partial<typeof filters>) {
    setNews(null);
    list.apply({ ...filters, ...patch });
  }
  function open(offer: AdminOffer, action: OfferAction, button: HTMLElement) {
    update.reset();
    setNews(null);
    dialog.open({ offer, action }, button);
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
          dialog.close("news");
        },
        onError: (error) => {
          // A 409: the offer changed meanwhile (delivered elsewhere, not chosen yet). The list reloads.
          if (!isApiError(error) || error.status !== 409) return;
          setNews({ tone: "conflict", message: offerUpdateErrorMessage(error, t) });
          dialog.close("news");
        },
      },
    );
  }

  if (!isAllowed || !program) {
    const message = isAllowed ? t("admin.home.noPrograms") : t("admin.fulfilment.forbidden");
    return <ForbiddenNotice title={t("admin.fulfilment.title")} message={message} />;
  }
  const statusName = t(`rewards.offerStatus.${filters.status}`);
  return (
    <Stack gap="lg">
      <PageHeader title={t("admin.fulfilment.title")} intro={t("admin.fulfilment.intro")} introWidth={760} />
      <ProgramSelect programs={programs} value={program.id} onChange={choose} />
      <FulfilmentFiltersBar
        key={filters.dueMonth}
        filters={filters}
        counts={list.firstPage?.counts}
        listError={list.state.error}
        onStatus={(status) => setFilter({ status })}
        onDueMonth={(dueMonth) => setFilter({ dueMonth })}
      />
      {news ? <NewsAlert news={news} newsRef={dialog.newsRef} /> : null}
      <ListSection
        list={list.state}
        texts={{
          loadFailed: t("admin.fulfilment.loadFailed"),
          empty: filters.dueMonth
            ? t("admin.fulfilment.emptyMonth", { status: statusName, month: format.month(filters.dueMonth) })
            : t("admin.fulfilment.empty", { status: statusName }),
        }}
      >
        {(offers) => (
          <FulfilmentTable
            offers={offers}
            caption={t("admin.fulfilment.table.caption", { status: statusName })}
            onAction={open}
          />
        )}
      </ListSection>
      <Modal
        {...dialog.modalProps}
        title={dialog.value ? t(`admin.fulfilment.${dialog.value.action}Form.title`) : ""}
      >
        {dialog.value ? (
          <OfferUpdateForm
            offer={dialog.value.offer}
            action={dialog.value.action}
            isPending={update.isPending}
            error={update.error}
            onSubmit={(body) => dialog.value && submit(dialog.value.offer, body)}
            onCancel={() => dialog.close("trigger")}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
