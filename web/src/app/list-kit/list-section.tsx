import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/api-error";
import { apiErrorMessage } from "../api-error-message";
import type { ListState } from "./list-state";

export type ListTexts = {
  /** The title of the alert when the list could not be loaded. */
  loadFailed: string;
  /** Said when there are no rows; `emptyFiltered` instead when filters narrow the list. */
  empty: string;
  emptyFiltered?: string;
  /** When set, the empty message is a notice with this title rather than a line of text. */
  emptyTitle?: string;
  /** The "N shown" line read out after each load. */
  shown?: string;
  /** Said when the server refuses the list (403), e.g. a permission withdrawn since sign-in. */
  forbidden?: string;
};

type ListSectionProps<T> = {
  list: ListState<T>;
  texts: ListTexts;
  isNarrowed?: boolean;
  /** A visible heading that names the section for screen readers. */
  heading?: string;
  children: (items: T[]) => ReactNode;
};

/** A list's states in one place: loading, failed (with retry), forbidden, empty, rows and "load more". */
export function ListSection<T>({ list, texts, isNarrowed = false, heading, children }: ListSectionProps<T>) {
  const headingId = useId();
  const body = <ListBody list={list} texts={texts} isNarrowed={isNarrowed} render={children} />;
  if (!heading) return <Stack gap="sm">{body}</Stack>;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {heading}
      </Title>
      {body}
    </Stack>
  );
}

type ListBodyProps<T> = {
  list: ListState<T>;
  texts: ListTexts;
  isNarrowed: boolean;
  render: (items: T[]) => ReactNode;
};

function ListBody<T>({ list, texts, isNarrowed, render }: ListBodyProps<T>) {
  const { t } = useTranslation();
  if (list.isPending) {
    return (
      <Center role="status" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (list.isError) {
    if (isApiError(list.error) && list.error.status === 403) {
      return <Alert color="yellow">{texts.forbidden ?? t("errors.forbidden")}</Alert>;
    }
    return (
      <Alert color="red" title={texts.loadFailed}>
        <Stack gap="xs" align="flex-start">
          {apiErrorMessage(list.error, t)}
          <Button size="xs" variant="default" onClick={list.refetch}>
            {t("common.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (list.items.length === 0) return <EmptyList texts={texts} isNarrowed={isNarrowed} />;
  const { paging } = list;
  return (
    <>
      {texts.shown ? (
        <Text size="sm" c="dimmed" role="status">
          {texts.shown}
        </Text>
      ) : null}
      <div ref={paging?.rowsRef}>{render(list.items)}</div>
      {paging?.isFetchNextPageError ? <Alert color="red">{apiErrorMessage(list.error, t)}</Alert> : null}
      {paging?.hasNextPage ? (
        <Button
          variant="default"
          onClick={paging.loadMore}
          loading={paging.isFetchingNextPage}
          style={{ alignSelf: "center" }}
        >
          {t("common.loadMore")}
        </Button>
      ) : null}
    </>
  );
}

function EmptyList({ texts, isNarrowed }: { texts: ListTexts; isNarrowed: boolean }) {
  const message = isNarrowed && texts.emptyFiltered ? texts.emptyFiltered : texts.empty;
  if (!texts.emptyTitle) return <Text role="status">{message}</Text>;
  return (
    <Alert color="gray" role="status" title={texts.emptyTitle}>
      {message}
    </Alert>
  );
}
