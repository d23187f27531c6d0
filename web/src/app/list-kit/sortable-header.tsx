import { Table, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { ariaSortOf, type SortOrder } from "./sorting";

type SortableHeaderProps<K extends string> = {
  column: K;
  label: string;
  /** The column the rows are sorted by now, and how. */
  sort: K;
  order: SortOrder;
  onSort: (column: K) => void;
  /** Read after the label by screen readers ("sort by this column"); the arrow is hidden from them. */
  hint: string;
};

/** A column header that sorts: a real button (Enter and Space work), `aria-sort` says how rows are ordered. */
export function SortableHeader<K extends string>(props: SortableHeaderProps<K>) {
  const { column, label, sort, order, onSort, hint } = props;
  const isActive = sort === column;
  const arrow = isActive ? (order === "asc" ? "▲" : "▼") : "↕";
  return (
    <Table.Th scope="col" aria-sort={ariaSortOf(isActive, order)}>
      {/* A long label may wrap in a narrow column; the arrow stays with its last word. */}
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" ta="start">
        {label}
        {"\u00a0"}
        <span aria-hidden="true">{arrow}</span>
        <VisuallyHidden>{hint}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

/** `sortable(column, label)` for a table's column list, with what all its sortable headers share. */
export function sortableHeaders<K extends string>(shared: Omit<SortableHeaderProps<K>, "column" | "label">) {
  return (column: K, label: string) => <SortableHeader {...shared} column={column} label={label} />;
}
