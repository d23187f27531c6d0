// The one list kit: every list page, admin and portal, keeps only its columns, filters and texts.
export { FilterActions, useFilterFieldError, useFilterForm } from "./filter-form";
export { ForbiddenNotice } from "./forbidden-notice";
export { ListSection, type ListTexts } from "./list-section";
export { type ListState, wholeListState } from "./list-state";
export { type ListColumn, ListTable } from "./list-table";
export {
  choiceParam,
  describeSearch,
  knownOrEmpty,
  oneOfParam,
  patternParam,
  type SearchDescription,
  type SearchValues,
  textParam,
} from "./search-description";
export { SortableHeader, sortableHeaders } from "./sortable-header";
export { ariaSortOf, type SortOrder, sortedBy, sortOrders } from "./sorting";
export { type KeysetPage, useKeysetList } from "./use-keyset-list";
