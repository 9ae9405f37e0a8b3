// One call: vessel and voyage, status in words, the open review with its decision, the persons
// with their dangers, the audit timeline, declarations by version with what changed, permits and
// alerts. Times are the port's, with its zone named.
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
import { useState } from 'react';
import { api } from '../api';
import { ACTION, ALERT_RULE, CLEARANCE, KIND, PERMIT_STATUS, REASON, ROLE, STATUS, say } from '../catalogue';
import { changedPaths } from '../diff';
import { useT } from '../i18n';
import { useLoad } from '../live';
import { portTime, zoneName } from '../time';
import { SeverityMark } from '../ui/Danger';
import { LoadError } from '../ui/LoadError';
import { AlertActions } from './AlertActions';
import { Persons } from './call/Persons';
import { PersonsTable } from './call/PersonsTable';
import { DecisionButtons } from './DecisionDialog';
import { FailedClearance } from './Redrive';

const statusType = (status: string) =>
  status.includes('CLEARED') || status === 'DEPARTED'
    ? 'success'
    : status.includes('REVIEW')
      ? 'pending'
      : status === 'REJECTED'
        ? 'error'
        : 'info';

/**
 * Whether an audit entry's reason was written by a person (an officer's decision, an agent's
 * cancellation). The system's own notes are English with codes and UTC times; the action's words
 * already say what they record.
 */
const typedByPerson = (e: { action: string; actor: { role: string }; reason?: string }) =>
  Boolean(e.reason) && (e.actor.role === 'officer' || e.actor.role === 'supervisor' || e.action === 'CALL_CANCELLED');

export function CallPage({ callId }: { callId: string }) {
  const { t, lang } = useT();
  const [version, setVersion] = useState<number | undefined>();
  const call = useLoad<any>(() => api('GET', `/v1/calls/${callId}`), [callId]);
  const persons = useLoad<any>(() => api('GET', `/v1/calls/${callId}/persons`), [callId]);
  const alerts = useLoad<any>(() => api('GET', `/v1/alerts?callId=${callId}`), [callId]);
  const reviews = useLoad<any>(() => api('GET', '/v1/reviews?limit=100'), [callId]);
  const latest = call.data?.arrival?.version as number | undefined;
  const shown = version ?? latest;
  const declaration = useLoad<any>(
    () => (shown ? api('GET', `/v1/calls/${callId}/arrival?version=${shown}`) : Promise.resolve(undefined)),
    [callId, shown],
  );
  const previous = useLoad<any>(
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
  const reload = () => (call.reload(), reviews.reload(), alerts.reload(), persons.reload());

  if (call.error) return <LoadError what={t('vessel')} loaded={call} />;
  if (!call.data) return <StatusIndicator type="loading">{t('loading')}</StatusIndicator>;
  const c = call.data;
  const review = (reviews.data?.items ?? []).find((r: any) => r.callId === callId);
  const diff =
    declaration.data && previous.data ? changedPaths(previous.data.declaration, declaration.data.declaration) : [];
  const clearance = (x: any) => (x ? `${t('version')} ${x.version} · ${say(CLEARANCE, x.state, lang)}` : '—');
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header variant="h1" description={`${t('voyage')} ${c.voyage} · ${t('timeZone')} ${zoneName(lang)}`}>
            {c.vessel.name}
          </Header>
        }
      >
        <KeyValuePairs
          columns={4}
          items={[
            {
              label: t('status'),
              value: <StatusIndicator type={statusType(c.status)}>{say(STATUS, c.status, lang)}</StatusIndicator>,
            },
            { label: t('imo'), value: c.vessel.imo },
            { label: t('eta'), value: portTime(c.eta, lang) },
            { label: t('etd'), value: portTime(c.etd, lang) },
            { label: t('berth'), value: `${c.port} ${c.berth ?? ''}` },
            { label: t('agent'), value: c.agentId },
            { label: t('arrival'), value: clearance(c.arrival) },
            { label: t('departure'), value: clearance(c.departure) },
          ]}
        />
      </Container>
      {(['arrival', 'departure'] as const)
        .filter((kind) => c[kind]?.state === 'FAILED')
        .map((kind) => (
          <FailedClearance key={kind} callId={callId} kind={kind} error={c[kind].error} onDone={reload} />
        ))}
      {review && (
        <Container
          header={
            <Header variant="h2" description={`${t('deadline')} ${portTime(review.deadline, lang, true)}`}>
              {`${t('reviews')} · ${say(KIND, review.kind, lang)}`}
            </Header>
          }
        >
          <SpaceBetween size="m">
            <SpaceBetween size="xxs">
              {review.reasons.map((r: any) => (
                <SeverityMark key={`${r.code}${r.personRef ?? ''}`} severity={r.severity}>
                  {`${say(REASON, r.code, lang)}${r.personRef ? ` (${r.personRef})` : ''}`}
                </SeverityMark>
              ))}
            </SpaceBetween>
            <DecisionButtons review={{ ...review, ...review.call }} onDone={reload} />
          </SpaceBetween>
        </Container>
      )}
      <PersonsTable persons={persons} />
      <Persons callId={callId} status={c.status} />
      <Table
        variant="container"
        header={<Header counter={`(${c.timeline.length})`}>{t('timeline')}</Header>}
        items={[...c.timeline].reverse()}
        wrapLines
        columnDefinitions={[
          { id: 'at', header: t('at'), cell: (e: any) => portTime(e.at, lang) },
          { id: 'action', header: t('action'), cell: (e: any) => say(ACTION, e.action, lang) },
          {
            id: 'who',
            header: t('by'),
            cell: (e: any) =>
              // The system's actor ids name its workflows, which say nothing to an officer.
              e.actor.role === 'system' ? say(ROLE, 'system', lang) : `${say(ROLE, e.actor.role, lang)} ${e.actor.id}`,
          },
          { id: 'reason', header: t('reason'), cell: (e: any) => (typedByPerson(e) ? e.reason : '') },
        ]}
      />
      <Container
        header={
          <Header
            variant="h2"
            actions={
              latest ? (
                <Select
                  ariaLabel={t('version')}
                  selectedOption={{ value: String(shown), label: `${t('version')} ${shown}` }}
                  onChange={({ detail }) => setVersion(Number(detail.selectedOption.value))}
                  options={Array.from({ length: latest }, (_, i) => ({
                    value: String(i + 1),
                    label: `${t('version')} ${i + 1}`,
                  }))}
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
              {`${t('version')} ${declaration.data.version} · ${portTime(declaration.data.submittedAt, lang)} · ${declaration.data.declaration.crew.length} ${t('crewCount')} · ${declaration.data.declaration.passengers.length} ${t('passengerCount')}`}
            </Box>
            {shown && shown > 1 && (
              <Box>{`${t('changedSince')} ${shown - 1}: ${diff.length ? diff.join(', ') : t('nothingChanged')}`}</Box>
            )}
          </SpaceBetween>
        ) : (
          <Box color="text-status-inactive">{t('noDeclaration')}</Box>
        )}
      </Container>
      <ColumnLayout columns={2}>
        <Table
          variant="container"
          header={<Header>{t('permits')}</Header>}
          items={(permits.data ?? []) as any[]}
          empty={<Box color="text-status-inactive">—</Box>}
          wrapLines
          columnDefinitions={[
            { id: 'kind', header: t('kind'), cell: (p: any) => say(KIND, p.kind, lang) },
            {
              id: 'issued',
              header: t('issued'),
              cell: (p: any) => `${portTime(p.issuedAt, lang)} · ${say(ROLE, p.issuedBy, lang)}`,
            },
            {
              id: 'code',
              header: t('code'),
              cell: (p: any) =>
                p.status && p.status !== 'VALID'
                  ? `${p.verificationCode} (${say(PERMIT_STATUS, p.status, lang)})`
                  : p.verificationCode,
            },
          ]}
        />
        {alerts.error ? (
          <LoadError what={t('alerts')} loaded={alerts} />
        ) : (
          <Table
            variant="container"
            header={<Header>{t('alerts')}</Header>}
            items={alerts.data?.items ?? []}
            empty={<Box color="text-status-inactive">{t('noAlerts')}</Box>}
            wrapLines
            columnDefinitions={[
              {
                id: 'rule',
                header: t('rule'),
                cell: (a: any) => <SeverityMark severity={a.severity}>{say(ALERT_RULE, a.rule, lang)}</SeverityMark>,
              },
              { id: 'person', header: t('person'), cell: (a: any) => a.personRef ?? '' },
              { id: 'raised', header: t('raised'), cell: (a: any) => portTime(a.raisedAt, lang) },
              {
                id: 'act',
                header: t('action'),
                cell: (a: any) => <AlertActions alert={{ ...a, vesselName: c.vessel.name }} onDone={reload} />,
              },
            ]}
          />
        )}
      </ColumnLayout>
    </SpaceBetween>
  );
}
