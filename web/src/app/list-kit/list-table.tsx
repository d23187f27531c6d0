import { Table } from "@mantine/core";
import { Fragment, isValidElement, type ReactNode, useId } from "react";

/**
 * A column header: a plain label becomes a `<th scope="col">`; anything else (a sortable header) stays
 * as is. `hideBelow`: the list's width (px) under which the column is left out, so a narrow window
 * keeps the important columns readable instead of squeezing all of them.
 */
export type ListColumn = ReactNode | { header: ReactNode; hideBelow: number };

type ListTableProps = {
  /** Below this width (what is left once columns are dropped) the table scrolls inside its area. */
  minWidth: number;
  caption?: ReactNode;
  columns: ListColumn[];
  /** "compact" for long work lists, "comfortable" for short lists with buttons in each row. */
  density?: "compact" | "comfortable";
  striped?: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
};

function isCollapsible(column: ListColumn): column is { header: ReactNode; hideBelow: number } {
  return typeof column === "object" && column !== null && !isValidElement(column) && "hideBelow" in column;
}

/**
 * One container query per collapsible column: its header and cells (the n-th of each row) leave when
 * the list's own area is narrower than `hideBelow`, whatever else shares the window (the navbar).
 */
function collapseRules(tableId: string, columns: ListColumn[]): string {
  return columns
    .flatMap((column, index) =>
      isCollapsible(column)
        ? [
            `@container (max-width: ${column.hideBelow - 0.02}px) {` +
              ` [data-list-table="${tableId}"] tr > :nth-child(${index + 1}) { display: none; } }`,
          ]
        : [],
    )
    .join("\n");
}

/** The table every list page shows its rows in, with its caption above and one header row. */
export function ListTable(props: ListTableProps) {
  const { minWidth, caption, columns, density = "comfortable", striped = true, children } = props;
  const tableId = useId();
  const rules = collapseRules(tableId, columns);
  return (
    <div style={{ containerType: "inline-size" }}>
      {rules ? <style>{rules}</style> : null}
      <Table.ScrollContainer minWidth={minWidth} data-list-table={tableId}>
        <Table
          striped={striped}
          highlightOnHover={props.highlightOnHover}
          verticalSpacing={density === "compact" ? "xs" : "sm"}
          fz="sm"
          captionSide="top"
        >
          {caption ? <Table.Caption style={{ textAlign: "start" }}>{caption}</Table.Caption> : null}
          <Table.Thead>
            <Table.Tr>{columns.map(headerCell)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

function headerCell(column: ListColumn, index: number) {
  const header = isCollapsible(column) ? column.header : column;
  if (typeof header === "string") {
    return (
      <Table.Th key={header} scope="col">
        {header}
      </Table.Th>
    );
  }
  // Headers never move, so their position is their identity.
  return <Fragment key={index}>{header}</Fragment>;
}
