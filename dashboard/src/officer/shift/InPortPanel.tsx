// Ships alongside: declared persons on board and ashore, and apart from them — marked as danger —
// the overdue ashore, the missing at sailing and anyone on no list.
import { Box, Header, Link, SpaceBetween, StatusIndicator } from '@cloudscape-design/components';
import { STATUS, say } from '../../catalogue';
import { useT } from '../../i18n';
import { portTime, relative } from '../../time';
import { CollectionTable } from '../../ui/CollectionTable';
import { DangerMark } from '../../ui/Danger';
import type { ShipInPort } from './types';

const dangers = (s: ShipInPort) => s.counts.undeclared + s.counts.overdue + s.counts.missing;

export function InPortPanel({ ships, now }: { ships: ShipInPort[]; now: number }) {
  const { t, lang } = useT();
  return (
    <CollectionTable
      ariaLabel={t('shipsInPort')}
      items={ships}
      trackBy={(s) => s.callId}
      header={
        <Header variant="h2" counter={`(${ships.length})`}>
          {t('shipsInPort')}
        </Header>
      }
      empty={<Box color="text-status-inactive">{t('noShipsInPort')}</Box>}
      columns={[
        {
          id: 'vessel',
          header: t('vessel'),
          cell: (s) => <Link href={`#/calls/${s.callId}`}>{s.vesselName}</Link>,
          sortValue: (s) => s.vesselName,
          filterText: (s) => `${s.vesselName} ${s.berth ?? ''} ${say(STATUS, s.status, lang)}`,
        },
        {
          id: 'persons',
          header: t('persons'),
          cell: (s) => (
            <SpaceBetween size="xxs">
              <Box>{`${t('onBoard')} ${s.counts.onBoard} · ${t('ashore')} ${s.counts.ashore}`}</Box>
              {s.counts.undeclared > 0 && <DangerMark danger="UNDECLARED" count={s.counts.undeclared} />}
              {s.counts.overdue > 0 && <DangerMark danger="OVERDUE" count={s.counts.overdue} />}
              {s.counts.missing > 0 && <DangerMark danger="MISSING" count={s.counts.missing} />}
              {dangers(s) === 0 && <StatusIndicator type="success">{t('nothingToFlag')}</StatusIndicator>}
            </SpaceBetween>
          ),
          sortValue: (s) => dangers(s),
        },
        {
          id: 'etd',
          header: t('etd'),
          cell: (s) => (
            <SpaceBetween size="xxs">
              <Box>{relative(s.etd, lang, now)}</Box>
              <Box variant="small">{portTime(s.etd, lang)}</Box>
            </SpaceBetween>
          ),
          sortValue: (s) => s.etd,
        },
        {
          id: 'status',
          header: t('status'),
          cell: (s) => say(STATUS, s.status, lang),
          sortValue: (s) => say(STATUS, s.status, lang),
        },
        { id: 'berth', header: t('berth'), cell: (s) => s.berth ?? '—', sortValue: (s) => s.berth ?? '' },
      ]}
    />
  );
}
