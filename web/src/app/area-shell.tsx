import {
  Alert,
  Anchor,
  AppShell,
  Burger,
  Button,
  Container,
  Group,
  NavLink,
  Stack,
  Text,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import classes from "./area-shell.module.css";
import { LanguageSwitch } from "./language-switch";

/** `end`: active only on exactly `to` (an area's home); otherwise also on the pages below it. */
export type AreaNavItem = { to: string; label: string; end?: boolean };

function isNavItemActive(item: AreaNavItem, pathname: string): boolean {
  return pathname === item.to || (!item.end && pathname.startsWith(`${item.to}/`));
}
export type AreaPerson = { name: string; detail?: string };

type AreaShellProps = {
  /** Big name at the left of the header: the product for staff, the program for referrers. */
  title: string;
  /** What the title belongs to, e.g. the organization. */
  context?: string;
  person: AreaPerson;
  navItems: AreaNavItem[];
  onSignOut: () => void;
  isSigningOut: boolean;
  /** Why the last sign-out attempt failed, shown above the page. */
  signOutError?: string;
  children: ReactNode;
};

const mainContentId = "main-content";

/** Header, navbar and main region shared by the staff area and the referrer portal. */
export function AreaShell(props: AreaShellProps) {
  const { title, context, person, navItems, onSignOut, isSigningOut, signOutError, children } = props;
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [isNavbarOpen, navbar] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !isNavbarOpen } }}
      padding="md"
    >
      <Anchor href={`#${mainContentId}`} className={classes.skipLink}>
        {t("common.skipToContent")}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={isNavbarOpen}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("common.toggleNavigation")}
              aria-expanded={isNavbarOpen}
            />
            <Text fw={700} size="lg" truncate>
              {title}
            </Text>
            {context ? (
              <Text c="dimmed" size="sm" truncate visibleFrom="md">
                {context}
              </Text>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <PersonSummary person={person} align="flex-end" visibleFrom="sm" />
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={onSignOut} loading={isSigningOut}>
              {t("common.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("common.mainNavigation")}>
        <AppShell.Section grow>
          {navItems.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={isNavItemActive(item, pathname)}
              aria-current={
                pathname === item.to ? "page" : isNavItemActive(item, pathname) ? "true" : undefined
              }
              onClick={navbar.close}
            />
          ))}
        </AppShell.Section>
        {/* On small screens the header has no room for who is signed in where; the open menu shows it. */}
        <AppShell.Section hiddenFrom="sm" p="sm" className={classes.navbarFooter}>
          {context ? (
            <Text size="sm" c="dimmed" mb="xs">
              {context}
            </Text>
          ) : null}
          <PersonSummary person={person} align="flex-start" />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1} className={classes.main}>
        <Container size="lg" px={0}>
          {signOutError ? (
            <Alert color="red" mb="md">
              {signOutError}
            </Alert>
          ) : null}
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

type PersonSummaryProps = { person: AreaPerson; align: "flex-start" | "flex-end"; visibleFrom?: "sm" };

function PersonSummary({ person, align, visibleFrom }: PersonSummaryProps) {
  return (
    <Stack gap={0} align={align} visibleFrom={visibleFrom} miw={0}>
      <Text size="sm" fw={500} truncate maw="100%">
        {person.name}
      </Text>
      {person.detail ? (
        <Text size="xs" c="dimmed" truncate maw="100%">
          {person.detail}
        </Text>
      ) : null}
    </Stack>
  );
}
