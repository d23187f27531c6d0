import { DataList } from "@mantine/core";
import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode };

type FactListProps = {
  facts: Fact[];
  labelWidth?: number;
  /** Vertical puts each label above its value, for narrow columns. */
  orientation?: "horizontal" | "vertical";
};

/** Label–value pairs as a description list (`dl`), so screen readers announce each pair together. */
export function FactList({ facts, labelWidth = 140, orientation = "horizontal" }: FactListProps) {
  return (
    <DataList size="sm" gap="xs" labelWidth={labelWidth} orientation={orientation}>
      {facts.map((fact) => (
        <DataList.Item key={fact.label}>
          <DataList.ItemLabel c="dimmed">{fact.label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{fact.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
