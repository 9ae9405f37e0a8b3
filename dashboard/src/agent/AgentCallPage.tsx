// One of the agent's calls: what waits on the agent, where each check and each agency stands,
// the permits with their PDF, and what happened — only what the API gives agents.
import {
  Box,
  Button,
  ColumnLayout,
  Container,
  Header,
  KeyValuePairs,
  SpaceBetween,
  StatusIndicator,
  type StatusIndicatorProps,
  Table,
} from '@cloudscape-design/components';
import { allows } from '../../../functions/calls/lifecycle.ts';
import type { CallAgencies } from '../../../functions/departure/schema.ts';
import type { z } from 'zod';
import { portTimeZone } from '../../../functions/port/time-zone.ts';
import { api } from '../api';
import { AGENCY, CLEARANCE, PERMIT_STATUS, ROLE, STATUS, say } from '../catalogue';
import { useLoad } from '../live';
import { portTime, relative } from '../time';
import { flash } from '../ui/flash';
import { type Column, CollectionTable } from '../ui/CollectionTable';
import { LoadError } from '../ui/LoadError';
import { CancelCall } from './CancelCall';
import { downloadPermit } from './client';
import { Waiting } from './MyCalls';
import { actionText } from './NewsBar';
import { type AgentCall, type AgentCallDetail, type CheckResult, checksOf, waitingOn } from './status';
import { useWords } from './use-words';

const TONE: Record<CheckResult, StatusIndicatorProps.Type> = {
  notStarted: 'stopped',
  pending: 'in-progress',
  passed: 'success',
  finding: 'warning',
  withOfficer: 'pending',
};

function Checks({ call, phase }: { call: AgentCall; phase: 'arrival' | 'departure' }) {
  const { w, lang } = useWords();
  const clearance = call[phase];
  return (
    <Table
      variant="embedded"
      header={
        <Header variant="h3" description={clearance ? say(CLEARANCE, clearance.state, lang) : w('notStarted')}>
          {w(phase === 'arrival' ? 'arrivalPhase' : 'departurePhase')}
        </Header>
      }
      items={checksOf(call, phase)}
      trackBy={(r) => r.word}
      wrapLines
      ariaLabels={{ tableLabel: `${w('checks')}: ${w(phase === 'arrival' ? 'arrivalPhase' : 'departurePhase')}` }}
      columnDefinitions={[
        { id: 'check', header: w('check'), cell: (r) => w(r.word) },
        {
          id: 'result',
          header: w('result'),
          cell: (r) => (
            <SpaceBetween size="xxxs">
              <StatusIndicator type={TONE[r.result]}>{w(r.result)}</StatusIndicator>
              {r.findings.map((f) => (
                <Box key={f} variant="small">
                  {f}
                </Box>
              ))}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}

function Agencies({ callId }: { callId: string }) {
  const { w, lang } = useWords();
  const loaded = useLoad(() => api<z.infer<typeof CallAgencies>>('GET', `/v1/calls/${callId}/agencies`), [callId]);
  return (
    <>
      <LoadError what={w('agencies')} loaded={loaded} />
      <Table
        variant="embedded"
        header={<Header variant="h3">{w('agencies')}</Header>}
        items={loaded.data?.agencies ?? []}
        loading={loaded.loading && !loaded.data}
        trackBy={(a) => a.agency}
        wrapLines
        ariaLabels={{ tableLabel: w('agencies') }}
        columnDefinitions={[
          { id: 'agency', header: w('agency'), cell: (a) => say(AGENCY, a.agency, lang) },
          { id: 'decides', header: w('decides'), cell: (a) => a.decides },
          {
            id: 'answer',
            header: w('answer'),
            cell: (a) =>
              a.answer ? (
                <StatusIndicator type={a.answer.status === 'CLEAR' ? 'success' : 'warning'}>
                  {`${a.answer.status === 'CLEAR' ? w('passed') : w('departureHeld')}${a.answer.note ? ` · ${a.answer.note}` : ''}`}
                </StatusIndicator>
              ) : (
                <StatusIndicator type="pending">{w('noAnswer')}</StatusIndicator>
              ),
          },
        ]}
      />
    </>
  );
}

function Permits({ call }: { call: AgentCall }) {
  const { w, lang } = useWords();
  const permits = (['arrival', 'departure'] as const).flatMap((k) => (call.permits?.[k] ? [call.permits[k]!] : []));
  const zone = portTimeZone(call.port);
  return (
    <Container header={<Header variant="h2">{w('permits')}</Header>}>
      {!permits.length ? (
        <Box>{w('noPermit')}</Box>
      ) : (
        <SpaceBetween size="l">
          {permits.map((p) => (
            <SpaceBetween key={p.kind} size="s">
              <KeyValuePairs
                columns={4}
                items={[
                  { label: w(p.kind === 'arrival' ? 'arrivalPhase' : 'departurePhase'), value: `v${p.version}` },
                  {
                    label: w('validUntil'),
                    value: (
                      <StatusIndicator type={p.status === 'VALID' ? 'success' : 'warning'}>
                        {say(PERMIT_STATUS, p.status, lang)}
                      </StatusIndicator>
                    ),
                  },
                  { label: w('issuedAt'), value: portTime(p.issuedAt, lang, true, zone) },
                  { label: w('verificationCode'), value: p.verificationCode },
                ]}
              />
              <Button
                iconName="download"
                ariaLabel={`${w('downloadPdf')}: ${w(p.kind === 'arrival' ? 'arrivalPhase' : 'departurePhase')}`}
                onClick={() =>
                  void downloadPermit(call, p.kind).catch((e: Error) => flash('error', w('downloadPdf'), e.message))
                }
              >
                {`${w('downloadPdf')} · ${w(p.kind === 'arrival' ? 'arrivalPhase' : 'departurePhase')}`}
              </Button>
            </SpaceBetween>
          ))}
        </SpaceBetween>
      )}
    </Container>
  );
}

function Timeline({ call }: { call: AgentCallDetail }) {
  const { w, lang } = useWords();
  const zone = portTimeZone(call.port);
  type Entry = AgentCallDetail['timeline'][number];
  const columns: Column<Entry>[] = [
    {
      id: 'what',
      header: w('what'),
      cell: (e) => actionText(e.action, e.toStatus, lang),
      filterText: (e) => actionText(e.action, e.toStatus, lang),
    },
    { id: 'at', header: w('when'), cell: (e) => portTime(e.at, lang, false, zone), sortValue: (e) => e.seq },
    { id: 'by', header: w('who'), cell: (e) => say(ROLE, e.actor.role, lang) },
    {
      id: 'reason',
      header: w('why'),
      cell: (e) => (e.redacted ? <i>{w('reasonHidden')}</i> : (e.reason ?? '—')),
      filterText: (e) => e.reason ?? '',
    },
  ];
  return (
    <CollectionTable
      items={call.timeline}
      columns={columns}
      trackBy={(e) => String(e.seq)}
      sortedBy="at"
      descending
      header={<Header variant="h2">{w('timeline')}</Header>}
      empty={<Box>—</Box>}
      ariaLabel={w('timeline')}
    />
  );
}

export function AgentCallPage({ callId }: { callId: string }) {
  const { w, lang } = useWords();
  const loaded = useLoad(() => api<AgentCallDetail>('GET', `/v1/calls/${callId}`), [callId]);
  const call = loaded.data;
  if (!call) return <LoadError what={callId} loaded={loaded} />;
  const zone = portTimeZone(call.port);
  const waiting = waitingOn(call, call);
  const departing = !!call.departure || call.status === 'IN_PORT';
  return (
    <SpaceBetween size="l">
      <LoadError what={callId} loaded={loaded} />
      <Header
        variant="h1"
        description={`${call.voyage} · IMO ${call.vessel.imo} · ${call.port}`}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <CancelCall call={call} onCancelled={loaded.reload} />
            {allows(call.status, 'SUBMIT_ARRIVAL') ? (
              <Button
                href={`#/my-calls/${call.callId}/arrival`}
                variant={waiting.phase === 'arrival' ? 'primary' : 'normal'}
              >
                {w(call.arrival ? 'amendArrival' : 'declareArrival')}
              </Button>
            ) : null}
            {allows(call.status, 'SUBMIT_DEPARTURE') && (
              <Button
                href={`#/my-calls/${call.callId}/departure`}
                variant={waiting.phase === 'departure' ? 'primary' : 'normal'}
              >
                {w(call.departure ? 'amendDeparture' : 'declareDeparture')}
              </Button>
            )}
          </SpaceBetween>
        }
      >
        {`${call.vessel.name} · ${say(STATUS, call.status, lang)}`}
      </Header>
      <Container>
        <ColumnLayout columns={3} variant="text-grid">
          <KeyValuePairs items={[{ label: w('waitingOnYou'), value: <Waiting call={call} detail={call} /> }]} />
          <KeyValuePairs
            items={[
              { label: w('eta'), value: `${portTime(call.eta, lang, true, zone)} · ${relative(call.eta, lang)}` },
            ]}
          />
          <KeyValuePairs
            items={[
              { label: w('etd'), value: `${portTime(call.etd, lang, true, zone)} · ${relative(call.etd, lang)}` },
            ]}
          />
        </ColumnLayout>
      </Container>
      <Container header={<Header variant="h2">{w('checks')}</Header>}>
        <ColumnLayout columns={departing ? 2 : 1}>
          <Checks call={call} phase="arrival" />
          {departing && (
            <SpaceBetween size="m">
              <Checks call={call} phase="departure" />
              <Agencies callId={call.callId} />
            </SpaceBetween>
          )}
        </ColumnLayout>
      </Container>
      <Permits call={call} />
      <Timeline call={call} />
    </SpaceBetween>
  );
}
