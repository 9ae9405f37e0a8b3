// Open alerts, highest severity first, counted by severity; each taken or resolved in place.
import { Box, Header, Link, SpaceBetween } from '@cloudscape-design/components';
import { ALERT_RULE, ALERT_STATUS, type Lang, SEVERITY, say } from '../../catalogue';
import { useT } from '../../i18n';
import { relative } from '../../time';
import { type Column, CollectionTable } from '../../ui/CollectionTable';
import { SeverityMark } from '../../ui/Danger';
import { AlertActions } from '../AlertActions';
import type { ShiftAlert, ShiftBoard } from './types';

const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;

/** What happened and how grave, in words; sorted highest severity first. */
export function severityColumn<T extends { severity: keyof typeof RANK; rule: string }>(
  header: string,
  lang: Lang,
): Column<T> {
  return {
    id: 'severity',
    header,
    cell: (a) => <SeverityMark severity={a.severity}>{say(ALERT_RULE, a.rule, lang)}</SeverityMark>,
    sortValue: (a) => RANK[a.severity],
    filterText: (a) => `${say(SEVERITY, a.severity, lang)} ${say(ALERT_RULE, a.rule, lang)}`,
  };
}

export function AlertsPanel({
  alerts,
  now,
  onDone,
}: {
  alerts: ShiftBoard['alerts'];
  now: number;
  onDone: () => void;
}) {
  const { t, lang } = useT();
  const counts = (['HIGH', 'MEDIUM', 'LOW'] as const)
    .map((s) => `${say(SEVERITY, s, lang)} ${alerts.counts[s]}`)
    .join(' · ');
  return (
    <CollectionTable<ShiftAlert>
      ariaLabel={t('openAlerts')}
      items={alerts.items}
      trackBy={(a) => a.alertId}
      sortedBy="severity"
      header={
        <Header variant="h2" counter={`(${alerts.items.length})`} description={counts}>
          {t('openAlerts')}
        </Header>
      }
      empty={<Box color="text-status-inactive">{t('noAlerts')}</Box>}
      columns={[
        severityColumn(t('severity'), lang),
        {
          id: 'vessel',
          header: t('vessel'),
          cell: (a) => (
            <SpaceBetween size="xxs">
              <Link href={`#/calls/${a.callId}`}>{a.vesselName}</Link>
              <Box variant="small">{`${t('person')} ${a.personRef ?? '—'}`}</Box>
            </SpaceBetween>
          ),
          sortValue: (a) => a.vesselName,
          filterText: (a) => `${a.vesselName} ${a.personRef ?? ''}`,
        },
        {
          id: 'raised',
          header: t('raised'),
          cell: (a) => `${relative(a.raisedAt, lang, now)} · ${say(ALERT_STATUS, a.status, lang)}`,
          sortValue: (a) => a.raisedAt,
        },
        { id: 'act', header: t('action'), cell: (a) => <AlertActions alert={a} onDone={onDone} /> },
      ]}
    />
  );
}
