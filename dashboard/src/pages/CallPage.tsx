// One call: vessel and voyage, status timeline, declarations by version with what changed,
// persons with live presence, permits, alerts, and the open review if there is one.
import { useState } from 'react';
import {
  Box,
  ColumnLayout,
  Container,
  Header,
  KeyValuePairs,
  Select,
  SpaceBetween,
  StatusIndicator,
  Table,
} from '@cloudscape-design/components';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';
import { changedPaths } from '../diff';
import { DecisionButtons } from './Reviews';
import { FailedClearance } from './Redrive';
import { Persons } from './call/Persons';

export function CallPage({ callId }: { callId: string }) {
  const { t } = useT();
  const [version, setVersion] = useState<number | undefined>();
  const [refresh, setRefresh] = useState(0);
  const call = useLoad(() => api('GET', `/v1/calls/${callId}`), [callId, refresh]);
  const persons = useLoad(() => api('GET', `/v1/calls/${callId}/persons`), [callId]);
  const alerts = useLoad(() => api('GET', `/v1/alerts?callId=${callId}`), [callId]);
  const reviews = useLoad(() => api('GET', '/v1/reviews?limit=100'), [callId, refresh]);
  const latest = call.data?.arrival?.version as number | undefined;
  const shown = version ?? latest;
  const declaration = useLoad(
    () => (shown ? api('GET', `/v1/calls/${callId}/arrival?version=${shown}`) : Promise.resolve(undefined)),
    [callId, shown],
  );
  const previous = useLoad(
    () =>
      shown && shown > 1 ? api('GET', `/v1/calls/${callId}/arrival?version=${shown - 1}`) : Promise.resolve(undefined),
    [callId, shown],
  );
  const permits = useLoad(async () => {
    const kinds = await Promise.all(
      ['arrival', 'departure'].map((k) => api('GET', `/v1/calls/${callId}/permits/${k}`).catch(() => undefined)),
    );
    return kinds.filter(Boolean);
  }, [callId]);

  if (call.error) return <StatusIndicator type="error">{call.error}</StatusIndicator>;
  if (!call.data) return <StatusIndicator type="loading">{t('loading')}</StatusIndicator>;
  const c = call.data;
  const review = (reviews.data?.items ?? []).find((r: any) => r.callId === callId);
  const diff =
    declaration.data && previous.data ? changedPaths(previous.data.declaration, declaration.data.declaration) : [];
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header variant="h1" description={`${c.callId} · voyage ${c.voyage}`}>
            {c.vessel.name}
          </Header>
        }
      >
        <KeyValuePairs
          columns={4}
          items={[
            {
              label: t('status'),
              value: (
                <StatusIndicator
                  type={
                    c.status.includes('CLEARED') || c.status === 'DEPARTED'
                      ? 'success'
                      : c.status.endsWith('_REVIEW')
                        ? 'pending'
                        : 'info'
                  }
                >
                  {c.status}
                </StatusIndicator>
              ),
            },
            { label: 'IMO', value: c.vessel.imo },
            { label: 'ETA', value: new Date(c.eta).toLocaleString() },
            { label: 'ETD', value: new Date(c.etd).toLocaleString() },
            { label: 'Port', value: `${c.port} ${c.berth ?? ''}` },
            { label: 'Agent', value: c.agentId },
            { label: 'Arrival', value: c.arrival ? `v${c.arrival.version} ${c.arrival.state}` : '—' },
            { label: 'Departure', value: c.departure ? `v${c.departure.version} ${c.departure.state}` : '—' },
          ]}
        />
      </Container>
      {(['arrival', 'departure'] as const)
        .filter((kind) => c[kind]?.state === 'FAILED')
        .map((kind) => (
          <FailedClearance
            key={kind}
            callId={callId}
            kind={kind}
            error={c[kind].error}
            onDone={() => setRefresh((n) => n + 1)}
          />
        ))}
      {review && (
        <Container
          header={
            <Header variant="h2" description={review.reasons.map((r: any) => r.detail).join(' · ')}>
              {t('reviews')}
            </Header>
          }
        >
          <DecisionButtons review={review} onDone={() => setRefresh((n) => n + 1)} />
        </Container>
      )}
      <ColumnLayout columns={2}>
        <Table
          variant="container"
          header={<Header counter={`(${c.timeline.length})`}>{t('timeline')}</Header>}
          items={[...c.timeline].reverse()}
          columnDefinitions={[
            { id: 'at', header: 'At', cell: (e: any) => new Date(e.at).toLocaleString() },
            { id: 'action', header: 'Action', cell: (e: any) => e.action },
            { id: 'who', header: 'By', cell: (e: any) => `${e.actor.role} ${e.actor.id}` },
            { id: 'reason', header: t('reason'), cell: (e: any) => e.reason ?? '' },
          ]}
        />
        <Table
          variant="container"
          header={
            <Header
              counter={
                persons.data ? `(${persons.data.counts.onBoard} on board, ${persons.data.counts.ashore} ashore)` : ''
              }
            >
              {t('persons')}
            </Header>
          }
          items={persons.data?.persons ?? []}
          loading={persons.loading && !persons.data}
          columnDefinitions={[
            { id: 'ref', header: 'Ref', cell: (p: any) => p.ref },
            {
              id: 'name',
              header: 'Name',
              cell: (p: any) => (p.familyName ? `${p.familyName}, ${p.givenNames}` : '— not declared —'),
            },
            {
              id: 'state',
              header: t('status'),
              cell: (p: any) => (
                <StatusIndicator type={p.state === 'ON_BOARD' ? 'success' : 'stopped'}>{p.state}</StatusIndicator>
              ),
            },
            {
              id: 'last',
              header: 'Last pass',
              cell: (p: any) => (p.lastEvent ? new Date(p.lastEvent.capturedAt).toLocaleString() : ''),
            },
          ]}
        />
      </ColumnLayout>
      <Persons callId={callId} />
      <Container
        header={
          <Header
            variant="h2"
            actions={
              latest ? (
                <Select
                  selectedOption={{ value: String(shown), label: `v${shown}` }}
                  onChange={({ detail }) => setVersion(Number(detail.selectedOption.value))}
                  options={Array.from({ length: latest }, (_, i) => ({ value: String(i + 1), label: `v${i + 1}` }))}
                />
              ) : undefined
            }
          >
            {t('declarations')}
          </Header>
        }
      >
        {declaration.data ? (
          <SpaceBetween size="s">
            <Box>
              v{declaration.data.version} · {new Date(declaration.data.submittedAt).toLocaleString()} ·{' '}
              {declaration.data.declaration.crew.length} crew, {declaration.data.declaration.passengers.length}{' '}
              passengers
            </Box>
            {shown && shown > 1 && (
              <Box>
                Changed since v{shown - 1}: {diff.length ? diff.join(', ') : 'nothing'}
              </Box>
            )}
          </SpaceBetween>
        ) : (
          <Box color="text-status-inactive">No arrival declaration yet.</Box>
        )}
      </Container>
      <ColumnLayout columns={2}>
        <Table
          variant="container"
          header={<Header>{t('permits')}</Header>}
          items={permits.data ?? []}
          empty={<Box color="text-status-inactive">—</Box>}
          columnDefinitions={[
            { id: 'kind', header: 'Kind', cell: (p: any) => p.kind },
            {
              id: 'issued',
              header: 'Issued',
              cell: (p: any) => `${new Date(p.issuedAt).toLocaleString()} by ${p.issuedBy}`,
            },
            {
              id: 'code',
              header: 'Code',
              cell: (p: any) => (p.suspendedAt ? `${p.verificationCode} (suspended)` : p.verificationCode),
            },
          ]}
        />
        <Table
          variant="container"
          header={<Header>{t('alerts')}</Header>}
          items={alerts.data?.items ?? []}
          empty={<Box color="text-status-inactive">{t('noAlerts')}</Box>}
          columnDefinitions={[
            { id: 'rule', header: t('rule'), cell: (a: any) => a.rule },
            { id: 'person', header: t('person'), cell: (a: any) => a.personRef ?? '' },
            { id: 'raised', header: t('raised'), cell: (a: any) => new Date(a.raisedAt).toLocaleString() },
          ]}
        />
      </ColumnLayout>
    </SpaceBetween>
  );
}
