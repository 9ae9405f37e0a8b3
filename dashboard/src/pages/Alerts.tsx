// Gangway alerts: filter by status, acknowledge, resolve.
import { useState } from 'react';
import {
  Box,
  Button,
  Header,
  Link,
  SegmentedControl,
  SpaceBetween,
  StatusIndicator,
  Table,
} from '@cloudscape-design/components';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';

export function Alerts() {
  const { t } = useT();
  const [status, setStatus] = useState('OPEN');
  const [refresh, setRefresh] = useState(0);
  const { data, error, loading } = useLoad(() => api('GET', `/v1/alerts?status=${status}`), [status, refresh]);
  const act = async (alertId: string, action: 'ack' | 'resolve') => {
    const resolution = action === 'resolve' ? window.prompt(t('reason')) : undefined;
    if (action === 'resolve' && !resolution) return;
    await api('POST', `/v1/alerts/${alertId}/${action}`, action === 'resolve' ? { resolution } : undefined);
    setRefresh((n) => n + 1);
  };
  return (
    <Table
      header={
        <Header
          variant="h1"
          counter={`(${data?.items?.length ?? 0})`}
          actions={
            <SegmentedControl
              selectedId={status}
              onChange={({ detail }) => setStatus(detail.selectedId)}
              options={[
                { id: 'OPEN', text: 'Open' },
                { id: 'ACKNOWLEDGED', text: 'Acknowledged' },
                { id: 'RESOLVED', text: 'Resolved' },
              ]}
            />
          }
        >
          {t('alerts')}
        </Header>
      }
      loading={loading && !data}
      loadingText={t('loading')}
      items={data?.items ?? []}
      empty={
        error ? (
          <StatusIndicator type="error">{error}</StatusIndicator>
        ) : (
          <Box color="text-status-inactive">{t('noAlerts')}</Box>
        )
      }
      columnDefinitions={[
        {
          id: 'rule',
          header: t('rule'),
          cell: (a: any) => (
            <StatusIndicator type={a.severity === 'HIGH' ? 'error' : 'warning'}>{a.rule}</StatusIndicator>
          ),
        },
        { id: 'person', header: t('person'), cell: (a: any) => a.personRef ?? '—' },
        {
          id: 'call',
          header: t('vessel'),
          cell: (a: any) => <Link href={`#/calls/${a.callId}`}>{a.callId.slice(-6)}</Link>,
        },
        { id: 'detail', header: t('reasons'), cell: (a: any) => a.detail },
        { id: 'raised', header: t('raised'), cell: (a: any) => new Date(a.raisedAt).toLocaleString() },
        {
          id: 'act',
          header: '',
          cell: (a: any) => (
            <SpaceBetween direction="horizontal" size="xs">
              {a.status === 'OPEN' && <Button onClick={() => act(a.alertId, 'ack')}>{t('acknowledge')}</Button>}
              {a.status !== 'RESOLVED' && <Button onClick={() => act(a.alertId, 'resolve')}>{t('resolve')}</Button>}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}
