// A table on wide screens and cards on a phone, with the same columns and the same selection: the
// border view's permissions and windows stay readable at 390 px instead of scrolling off-screen.
import { Cards, Table } from '@cloudscape-design/components';
import type { ReactNode } from 'react';
import { useNarrow } from '../../ui/narrow';

export interface ResponsiveColumn<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** Wide enough not to break a status word in two when long cells wrap. */
  minWidth?: number;
}

export function ResponsiveTable<T>(props: {
  items: readonly T[];
  columns: ResponsiveColumn<T>[];
  trackBy: string;
  header: ReactNode;
  empty?: ReactNode;
  loading?: boolean;
  /** On cards, the title: the columns it already says are left out of the card's body. */
  title: (item: T) => string;
  titleColumns: string[];
  selection?: {
    selected: T[];
    onChange: (items: T[]) => void;
    /** What a screen reader says for one item's checkbox, the group, and select-all (tables). */
    itemLabel: (item: T) => string;
    groupLabel: string;
    allLabel: string;
  };
}) {
  const narrow = useNarrow();
  const s = props.selection;
  const selection = s && {
    selectionType: 'multi' as const,
    selectedItems: s.selected,
    onSelectionChange: ({ detail }: { detail: { selectedItems: T[] } }) => s.onChange(detail.selectedItems),
  };
  const labels = s && {
    selectionGroupLabel: s.groupLabel,
    itemSelectionLabel: (_selection: unknown, item: T) => s.itemLabel(item),
  };
  if (narrow) {
    return (
      <Cards
        variant="container"
        items={[...props.items]}
        trackBy={props.trackBy}
        header={props.header}
        empty={props.empty}
        loading={props.loading}
        cardDefinition={{
          header: props.title,
          sections: props.columns
            .filter((c) => !props.titleColumns.includes(c.id))
            .map((c) => ({ id: c.id, header: c.header, content: c.cell })),
        }}
        {...(selection && { ...selection, ariaLabels: labels })}
      />
    );
  }
  return (
    <Table
      variant="container"
      wrapLines
      items={[...props.items]}
      trackBy={props.trackBy}
      header={props.header}
      empty={props.empty}
      loading={props.loading}
      columnDefinitions={props.columns}
      {...(selection && { ...selection, ariaLabels: { ...labels, allItemsSelectionLabel: () => s!.allLabel } })}
    />
  );
}
