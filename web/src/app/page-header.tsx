import { Anchor, Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

type PageHeaderProps = {
  title: string;
  intro?: string;
  /** Long intros read better within a measure. */
  introWidth?: number;
  /** Buttons or links beside the title, aligned with its last line. */
  actions?: ReactNode;
};

/** A page's main heading and the sentence that says what the page is for. */
export function PageHeader({ title, intro, introWidth, actions }: PageHeaderProps) {
  const heading = (
    <div>
      <Title order={1}>{title}</Title>
      {intro ? (
        <Text c="dimmed" mt={4} maw={introWidth}>
          {intro}
        </Text>
      ) : null}
    </div>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-end">
      {heading}
      {actions}
    </Group>
  );
}

/** A small link above or beside a page's heading: back to its list, or to a related page. */
export function PageLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {children}
    </Anchor>
  );
}
