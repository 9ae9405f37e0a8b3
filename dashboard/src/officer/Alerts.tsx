// Gangway alerts by status: what happened in words, the ship by name, when; take or resolve each
// through a dialog. A refused request says so instead of showing an empty list.
import { Box, Header, Link, SegmentedControl, SpaceBetween } from '@cloudscape-design/components';
import { useState } from 'react';
import { api } from '../api';
import { ALERT_STATUS, say } from '../catalogue';
import { useT } from '../i18n';
import { useLoad } from '../live';
import { portTime, relative } from '../time';
import { CollectionTable } from '../ui/CollectionTable';
import { LoadError } from '../ui/LoadError';
import { AlertActions } from './AlertActions';
import { severityColumn } from './shift/AlertsPanel';
import { useVesselNames } from './vessels';

interface ApiAlert {
  alertId: string;
  callId: string;
  rule: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  status: string;
  personRef?: string;
  raisedAt: string;
  owner?: string;
  resolution?: string;
}

export function Alerts() {
  const { t, lang } = useT();
  const [status, setStatus] = useState('OPEN');
  const alerts = useLoad<{ items: ApiAlert[] }>(() => api('GET', `/v1/alerts?status=${status}`), [status]);
  const vessel = useVesselNames();
  const items = (alerts.data?.items ?? []).map((a) => ({ ...a, vesselName: vessel(a.callId) }));
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        actions={
          <SegmentedControl
            label={t('status')}
            selectedId={status}
            onChange={({ detail }) => setStatus(detail.selectedId)}
            options={['OPEN', 'ACKNOWLEDGED', 'RESOLVED'].map((id) => ({ id, text: say(ALERT_STATUS, id, lang) }))}
          />
        }
      >
        {t('alerts')}
      </Header>
      <LoadError what={t('alerts')} loaded={alerts} />
      {!alerts.error && (
        <CollectionTable
          ariaLabel={t('alerts')}
          items={items}
          loading={alerts.loading && !alerts.data}
          trackBy={(a) => a.alertId}
          sortedBy="severity"
          header={<Header counter={`(${items.length})`}>{say(ALERT_STATUS, status, lang)}</Header>}
          empty={<Box color="text-status-inactive">{t('noAlerts')}</Box>}
          columns={[
            severityColumn(t('rule'), lang),
            {
              id: 'person',
              header: t('person'),
              cell: (a) => a.personRef ?? '—',
              sortValue: (a) => a.personRef ?? '',
              filterText: (a) => a.personRef ?? '',
            },
            {
              id: 'vessel',
              header: t('vessel'),
              cell: (a) => <Link href={`#/calls/${a.callId}`}>{a.vesselName}</Link>,
              sortValue: (a) => a.vesselName,
              filterText: (a) => a.vesselName,
            },
            {
              id: 'raised',
              header: t('raised'),
              cell: (a) => `${portTime(a.raisedAt, lang)} (${relative(a.raisedAt, lang)})`,
              sortValue: (a) => a.raisedAt,
            },
            ...(status === 'RESOLVED'
              ? [{ id: 'resolution', header: t('resolution'), cell: (a: ApiAlert) => a.resolution ?? '—' }]
              : [
                  {
                    id: 'act',
                    header: t('action'),
                    cell: (a: (typeof items)[number]) => <AlertActions alert={a} onDone={alerts.reload} />,
                  },
                ]),
          ]}
        />
      )}
    </SpaceBetween>
  );
}
