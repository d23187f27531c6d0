import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PublicFrame } from "../app/public-frame";
import { useProgramChoice } from "./program-choice";

// /portal/goodbye?program=SLUG – after leaving the program: what stays, what stops. No session any more.
export function PortalGoodbyePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const slug = searchParams.get("program");
  const choice = useProgramChoice(slug);
  const programName = choice.kind === "known" ? choice.name : undefined;
  const heading = useRef<HTMLHeadingElement>(null);

  // The button that led here is gone with the portal: the news is where keyboard and screen reader users land.
  useEffect(() => heading.current?.focus(), []);

  return (
    <PublicFrame brand={programName ?? t("common.productName")}>
      <Stack>
        <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: "none" }}>
          {t("portal.goodbye.title")}
        </Title>
        <Text>{t("portal.goodbye.body")}</Text>
        <Text size="sm" c="dimmed">
          {t("portal.goodbye.history")}
        </Text>
        {slug ? (
          // The landing page is rendered by the server, outside this app: a full navigation.
          <Anchor href={`/p/${encodeURIComponent(slug)}`}>{t("portal.goodbye.landingPage")}</Anchor>
        ) : null}
      </Stack>
    </PublicFrame>
  );
}
