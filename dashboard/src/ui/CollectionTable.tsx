// A list an officer can sort and filter (Cloudscape collection hooks): a table on wide screens,
// cards on a phone; rows that just changed carry a "changed" mark for a few seconds.
import { useCollection } from '@cloudscape-design/collection-hooks';
import { Badge, Box, Button, Cards, SpaceBetween, Table, TextFilter } from '@cloudscape-design/components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useChanged } from '../live';
import { useNarrow } from './narrow';

export interface Column<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** Sort by this text or number; columns without one do not sort. */
  sortValue?: (item: T) => string | number;
  /** Words of the cell the filter searches (the words shown, not the codes behind them). */
  filterText?: (item: T) => string;
}

const compare = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

export function CollectionTable<T>(props: {
  items: readonly T[];
  columns: Column<T>[];
  trackBy: (item: T) => string;
  header: ReactNode;
  empty: ReactNode;
  loading?: boolean;
  variant?: 'container' | 'full-page' | 'embedded';
  /** The column sorted by at first. */
  sortedBy?: string;
  descending?: boolean;
  /** The column whose cell carries the "changed" mark. */
  markColumn?: string;
  ariaLabel: string;
}) {
  const { t } = useT();
  const narrow = useNarrow();
  // Nothing counts as changed while the first load is still under way.
  const changed = useChanged(props.loading ? undefined : props.items, props.trackBy);
  const sortColumn = (id?: string) => {
    const column = props.columns.find((c) => c.id === id);
    return column?.sortValue
      ? {
          sortingField: column.id,
          sortingComparator: (a: T, b: T) => compare(column.sortValue!(a), column.sortValue!(b)),
        }
      : undefined;
  };
  const initial = sortColumn(props.sortedBy);
  const { items, collectionProps, filterProps, filteredItemsCount, actions } = useCollection([...props.items], {
    filtering: {
      filteringFunction: (item, text) => {
        const needle = text.trim().toLowerCase();
        return props.columns.some((c) => (c.filterText?.(item) ?? '').toLowerCase().includes(needle));
      },
      empty: props.empty,
      noMatch: (
        <SpaceBetween size="xs" alignItems="center">
          <Box>{t('noMatches')}</Box>
          <Button onClick={() => actions.setFiltering('')}>{t('clearFilter')}</Button>
        </SpaceBetween>
      ),
    },
    sorting: initial ? { defaultState: { sortingColumn: initial, isDescending: props.descending } } : {},
  });
  const mark = (item: T, content: ReactNode) =>
    changed.has(props.trackBy(item)) ? (
      <SpaceBetween direction="horizontal" size="xxs" alignItems="center">
        {content}
        <Badge color="blue">{t('changed')}</Badge>
      </SpaceBetween>
    ) : (
      content
    );
  const columns = props.columns.map((c) => ({
    ...c,
    cell: (item: T) => (c.id === (props.markColumn ?? props.columns[0]?.id) ? mark(item, c.cell(item)) : c.cell(item)),
    ...(c.sortValue && sortColumn(c.id)),
  }));
  const filter = (
    <TextFilter
      {...filterProps}
      filteringPlaceholder={t('filter')}
      filteringAriaLabel={`${t('filter')}: ${props.ariaLabel}`}
      countText={filterProps.filteringText ? `${filteredItemsCount ?? 0} ${t('matches')}` : undefined}
    />
  );
  // What the cards and the table have alike: the sorted, filtered items and their frame.
  const shared = {
    ...collectionProps,
    items,
    trackBy: props.trackBy,
    header: props.header,
    filter,
    loading: props.loading,
    loadingText: t('loading'),
  };
  if (narrow) {
    const [first, ...rest] = columns;
    return (
      <Cards
        {...shared}
        variant={props.variant === 'full-page' ? 'full-page' : 'container'}
        ariaLabels={{ itemSelectionLabel: () => '', selectionGroupLabel: props.ariaLabel }}
        cardDefinition={{
          header: (item) => first?.cell(item),
          sections: rest.map((c) => ({ id: c.id, header: c.header, content: (item: T) => c.cell(item) })),
        }}
        cardsPerRow={[{ cards: 1 }]}
      />
    );
  }
  return (
    <Table
      {...shared}
      variant={props.variant ?? 'container'}
      columnDefinitions={columns}
      ariaLabels={{ tableLabel: props.ariaLabel }}
      wrapLines
    />
  );
}
