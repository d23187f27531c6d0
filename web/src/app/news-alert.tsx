import { Alert } from "@mantine/core";
import type { ReactNode, RefObject } from "react";

/** What just happened: a success is read out politely, a conflict (someone changed it first) at once. */
export type News = { tone: "success" | "conflict"; message: string };

type NewsAlertProps = {
  news: News;
  /** Focused after a dialog closes (useDialogFocus), so keyboard users land on the outcome. */
  newsRef?: RefObject<HTMLDivElement | null>;
  children?: ReactNode;
};

export function NewsAlert({ news, newsRef, children }: NewsAlertProps) {
  return (
    <Alert
      ref={newsRef}
      tabIndex={-1}
      role={news.tone === "success" ? "status" : "alert"}
      color={news.tone === "success" ? "green" : "orange"}
    >
      {children ?? news.message}
    </Alert>
  );
}
