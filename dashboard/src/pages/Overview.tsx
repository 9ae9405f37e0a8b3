// Port overview: what is coming, in port and leaving, and the three zeros over a period.
import { useState } from 'react';
import {
  Badge,
  BarChart,
  Box,
  ColumnLayout,
  Container,
  Header,
  Link,
  SegmentedControl,
  SpaceBetween,
  StatusIndicator,
  Table,
} from '@cloudscape-design/components';
import { api, loadSession } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';

const DAY = 86_400_000;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);

export function Overview() {
  const { t } = useT();
  const port = loadSession()?.port ?? '';
  const [days, setDays] = useState('7');
  const now = Date.now();
  const { data, error, loading } = useLoad(
    () =>
      api(
        'GET',
        `/v1/ports/${port}/overview?from=${new Date(now - Number(days) * DAY).toISOString()}&to=${new Date(now + 3 * DAY).toISOString()}`,
      ),
    [days, port],
  );
  const calls: any[] = data?.calls ?? [];
  const expected = calls.filter(
    (c) =>
      Date.parse(c.eta) > now &&
      Date.parse(c.eta) < now + 3 * DAY &&
      ['DRAFT', 'SUBMITTED', 'ARRIVAL_REVIEW', 'ARRIVAL_CLEARED'].includes(c.status),
  );
  const inPort = calls.filter((c) => c.status === 'IN_PORT');
  const departing = calls.filter(
    (c) => ['DEPARTURE_SUBMITTED', 'DEPARTURE_REVIEW', 'DEPARTURE_CLEARED'].includes(c.status) || c.atRiskOfDelay,
  );
  const f = data?.figures;
  const table = (title: string, items: any[]) => (
    <Table
      variant="container"
      header={<Header counter={`(${items.length})`}>{title}</Header>}
      items={items}
      empty={<Box color="text-status-inactive">{t('noCalls')}</Box>}
      columnDefinitions={[
        { id: 'vessel', header: t('vessel'), cell: (c) => <Link href={`#/calls/${c.callId}`}>{c.vesselName}</Link> },
        {
          id: 'status',
          header: t('status'),
          cell: (c) =>
            c.atRiskOfDelay ? (
              <StatusIndicator type="warning">{c.status} · at risk of delay</StatusIndicator>
            ) : (
              c.status
            ),
        },
        { id: 'eta', header: 'ETA', cell: (c) => new Date(c.eta).toLocaleString() },
        { id: 'etd', header: 'ETD', cell: (c) => new Date(c.etd).toLocaleString() },
        { id: 'agent', header: 'Agent', cell: (c) => c.agentId },
      ]}
    />
  );
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h1"
            actions={
              <SegmentedControl
                selectedId={days}
                onChange={({ detail }) => setDays(detail.selectedId)}
                options={[
                  { id: '1', text: t('today') },
                  { id: '7', text: t('days7') },
                  { id: '30', text: t('days30') },
                ]}
              />
            }
          >
            {t('overview')} · {port}
          </Header>
        }
      >
        {error && <StatusIndicator type="error">{error}</StatusIndicator>}
        {loading && !data ? (
          <StatusIndicator type="loading">{t('loading')}</StatusIndicator>
        ) : (
          <ColumnLayout columns={4} variant="text-grid">
            <div>
              <Box variant="awsui-key-label">{t('zeroWaiting')}</Box>
              <Box variant="awsui-value-large">{pct(f?.zeroWaitingShare)}</Box>
            </div>
            <div>
              <Box variant="awsui-key-label">{t('zeroDelay')}</Box>
              <Box variant="awsui-value-large">{pct(f?.zeroDelayShare)}</Box>
            </div>
            <div>
              <Box variant="awsui-key-label">{t('contactless')}</Box>
              <Box variant="awsui-value-large">{pct(f?.contactlessShare)}</Box>
            </div>
            <div>
              <Box variant="awsui-key-label">{t('medianReview')}</Box>
              <Box variant="awsui-value-large">{f?.medianMinutesInReview ?? '—'} min</Box>
            </div>
          </ColumnLayout>
        )}
      </Container>
      {data && (
        <Container
          header={
            <Header variant="h2">
              {t('overview')} <Badge>{f?.calls ?? 0}</Badge>
            </Header>
          }
        >
          <BarChart
            series={[
              {
                title: t('zeroWaiting'),
                type: 'bar',
                data: [{ x: 'share', y: Math.round((f?.zeroWaitingShare ?? 0) * 100) }],
              },
              {
                title: t('zeroDelay'),
                type: 'bar',
                data: [{ x: 'share', y: Math.round((f?.zeroDelayShare ?? 0) * 100) }],
              },
              {
                title: t('contactless'),
                type: 'bar',
                data: [{ x: 'share', y: Math.round((f?.contactlessShare ?? 0) * 100) }],
              },
            ]}
            xDomain={['share']}
            yDomain={[0, 100]}
            height={160}
            hideFilter
            ariaLabel="three zeros"
          />
        </Container>
      )}
      {table(t('expected'), expected)}
      {table(t('inPort'), inPort)}
      {table(t('departing'), departing)}
    </SpaceBetween>
  );
}
