// The persons of a call with where they are: someone on no list, overdue ashore or missing at
// sailing is marked as danger and counted apart from the declared persons on board.
import { Box, Header, SpaceBetween, StatusIndicator } from '@cloudscape-design/components';
import { LIST, PRESENCE, say } from '../../catalogue';
import { useT } from '../../i18n';
import type { Loaded } from '../../live';
import { portTime } from '../../time';
import { CollectionTable } from '../../ui/CollectionTable';
import { DangerMark } from '../../ui/Danger';
import { LoadError } from '../../ui/LoadError';

interface Person {
  ref: string;
  list: string;
  familyName?: string;
  givenNames?: string;
  state: string;
  danger?: string;
  lastEvent?: { capturedAt: string };
}
interface Persons {
  counts: { onBoard: number; ashore: number; unknown: number; undeclared: number; overdue: number; missing: number };
  persons: Person[];
}

export function PersonsTable({ persons }: { persons: Loaded<Persons> }) {
  const { t, lang } = useT();
  const c = persons.data?.counts;
  if (persons.error) return <LoadError what={t('persons')} loaded={persons} />;
  return (
    <CollectionTable
      ariaLabel={t('persons')}
      items={persons.data?.persons ?? []}
      loading={persons.loading && !persons.data}
      trackBy={(p) => p.ref}
      sortedBy="state"
      header={
        <Header
          variant="h2"
          description={
            c && (
              <SpaceBetween direction="horizontal" size="s">
                <Box>{`${t('onBoard')} ${c.onBoard} · ${t('ashore')} ${c.ashore}`}</Box>
                {c.undeclared > 0 && <DangerMark danger="UNDECLARED" count={c.undeclared} />}
                {c.overdue > 0 && <DangerMark danger="OVERDUE" count={c.overdue} />}
                {c.missing > 0 && <DangerMark danger="MISSING" count={c.missing} />}
              </SpaceBetween>
            )
          }
        >
          {t('persons')}
        </Header>
      }
      empty={<Box color="text-status-inactive">—</Box>}
      columns={[
        { id: 'ref', header: t('ref'), cell: (p) => p.ref, sortValue: (p) => p.ref, filterText: (p) => p.ref },
        {
          id: 'name',
          header: t('name'),
          cell: (p) => (p.familyName ? `${p.familyName}, ${p.givenNames ?? ''}` : `— ${t('notDeclaredName')} —`),
          sortValue: (p) => p.familyName ?? '',
          filterText: (p) => `${p.familyName ?? ''} ${p.givenNames ?? ''}`,
        },
        { id: 'list', header: t('list'), cell: (p) => say(LIST, p.list, lang), sortValue: (p) => p.list },
        {
          id: 'state',
          header: t('status'),
          // Dangers first, then those ashore: what needs a look comes to the top.
          sortValue: (p) => (p.danger ? 0 : p.state === 'ON_BOARD' ? 2 : 1),
          filterText: (p) =>
            `${say(PRESENCE, p.state, lang)} ${p.danger ? t(p.danger === 'UNDECLARED' ? 'undeclared' : p.danger === 'OVERDUE' ? 'overdue' : 'missing') : ''}`,
          cell: (p) =>
            p.danger ? (
              <SpaceBetween size="xxs">
                <DangerMark danger={p.danger} />
                <Box variant="small">{say(PRESENCE, p.state, lang)}</Box>
              </SpaceBetween>
            ) : (
              <StatusIndicator type={p.state === 'ON_BOARD' ? 'success' : 'stopped'}>
                {say(PRESENCE, p.state, lang)}
              </StatusIndicator>
            ),
        },
        {
          id: 'last',
          header: t('lastPass'),
          cell: (p) => (p.lastEvent ? portTime(p.lastEvent.capturedAt, lang) : '—'),
          sortValue: (p) => p.lastEvent?.capturedAt ?? '',
        },
      ]}
    />
  );
}
