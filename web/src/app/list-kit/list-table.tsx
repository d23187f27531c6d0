import { Table } from "@mantine/core";
import { Fragment, type ReactNode } from "react";

type ListTableProps = {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  caption?: ReactNode;
  /** Column headers: a plain label becomes a `<th scope="col">`; anything else (a sortable header) stays as is. */
  columns: ReactNode[];
  /** "compact" for long work lists, "comfortable" for short lists with buttons in each row. */
  density?: "compact" | "comfortable";
  striped?: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
};

/** The table every list page shows its rows in, with its caption above and one header row. */
export function ListTable(props: ListTableProps) {
  const { minWidth, caption, columns, density = "comfortable", striped = true, children } = props;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        striped={striped}
        highlightOnHover={props.highlightOnHover}
        verticalSpacing={density === "compact" ? "xs" : "sm"}
        fz="sm"
        captionSide="top"
      >
        {caption ? <Table.Caption style={{ textAlign: "start" }}>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) =>
              typeof column === "string" ? (
                <Table.Th key={column} scope="col">
                  {column}
                </Table.Th>
              ) : (
                // Headers never move, so their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Fragment key={index}>{column}</Fragment>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
