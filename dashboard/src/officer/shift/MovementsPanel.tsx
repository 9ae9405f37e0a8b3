// Arrivals and departures due in the window (and those already late), soonest first, with the time
// both as the port's clock shows it and relative to now.
import { Box, Header, Link, SpaceBetween, StatusIndicator } from '@cloudscape-design/components';
import { STATUS, say } from '../../catalogue';
import { useT } from '../../i18n';
import { portTime, relative } from '../../time';
import { CollectionTable } from '../../ui/CollectionTable';
import type { Movement } from './types';

export function MovementsPanel({ movements, now, hours }: { movements: Movement[]; now: number; hours: number }) {
  const { t, lang } = useT();
  const kind = (m: Movement) => t(m.kind === 'ARRIVAL' ? 'arrivalKind' : 'departureKind');
  return (
    <CollectionTable
      ariaLabel={t('comingAndGoing')}
      items={movements}
      trackBy={(m) => `${m.kind}${m.callId}`}
      sortedBy="when"
      header={
        <Header
          variant="h2"
          counter={`(${movements.length})`}
          description={`${t('nextHours')} ${hours} ${t('hoursShort')}`}
        >
          {t('comingAndGoing')}
        </Header>
      }
      empty={<Box color="text-status-inactive">{t('noMovements')}</Box>}
      columns={[
        {
          id: 'vessel',
          header: t('vessel'),
          cell: (m) => <Link href={`#/calls/${m.callId}`}>{m.vesselName}</Link>,
          sortValue: (m) => m.vesselName,
          filterText: (m) => `${m.vesselName} ${kind(m)} ${m.berth ?? ''}`,
        },
        {
          id: 'kind',
          header: t('kind'),
          cell: (m) => kind(m),
          sortValue: (m) => m.kind,
        },
        {
          id: 'when',
          header: t('when'),
          cell: (m) => (
            <SpaceBetween size="xxs">
              {m.late ? (
                <StatusIndicator type="warning">{`${t('lateMark')} · ${relative(m.at, lang, now)}`}</StatusIndicator>
              ) : (
                <Box>{relative(m.at, lang, now)}</Box>
              )}
              <Box variant="small">{portTime(m.at, lang)}</Box>
            </SpaceBetween>
          ),
          sortValue: (m) => m.at,
        },
        {
          id: 'status',
          header: t('status'),
          cell: (m) => (
            <StatusIndicator type={m.cleared ? 'success' : 'pending'}>{say(STATUS, m.status, lang)}</StatusIndicator>
          ),
          sortValue: (m) => say(STATUS, m.status, lang),
          filterText: (m) => say(STATUS, m.status, lang),
        },
        { id: 'berth', header: t('berth'), cell: (m) => m.berth ?? '—', sortValue: (m) => m.berth ?? '' },
      ]}
    />
  );
}
