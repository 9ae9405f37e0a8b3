// The call page's border view of persons: each person's presence, landing permission and pass
// window, the visitors with their boarding permits, missing persons in red; officers grant a
// shore pass, refuse or hold on board — for the whole crew or the persons selected — with a reason.
import { useState } from 'react';
import {
  Box,
  Button,
  FormField,
  Input,
  Header,
  SpaceBetween,
  StatusIndicator,
  type StatusIndicatorProps,
  Textarea,
} from '@cloudscape-design/components';
import { ActionModal } from '../../ui/ActionModal';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLoad } from '../../live';
import { LIST, PRESENCE as PRESENCE_WORDS, say } from '../../catalogue';
import { portTime } from '../../time';
import { BASIS, LABELS, LANDING, PURPOSE, VISITOR, type Words } from './persons-words';
import { ResponsiveTable } from './ResponsiveTable';
import { type CALL_STATES, allows } from '../../../../functions/calls/lifecycle.ts';

type CallStatus = (typeof CALL_STATES)[number];

type Kind = 'SHORE_PASS' | 'REFUSED' | 'HELD_ON_BOARD';

const PRESENCE: Record<string, StatusIndicatorProps.Type> = {
  ON_BOARD: 'success',
  ASHORE: 'info',
  UNKNOWN: 'pending',
  MISSING: 'error',
};

/** The call's status decides which actions are offered: the lifecycle's table, as the API applies it. */
export function Persons({ callId, status }: { callId: string; status: CallStatus }) {
  const { lang } = useT();
  const l = (key: keyof typeof LABELS) => LABELS[key][lang];
  const [refresh, setRefresh] = useState(0);
  const border = useLoad(() => api('GET', `/v1/calls/${callId}/border`), [callId, refresh]);
  const [selected, setSelected] = useState<any[]>([]);
  const [asking, setAsking] = useState<{ decision: Kind; crew: boolean } | undefined>();
  const [visitorAsk, setVisitorAsk] = useState<{ visitorId: string; decision: 'GRANT' | 'REFUSE' } | undefined>();
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | undefined>();

  const done = () => {
    setAsking(undefined);
    setVisitorAsk(undefined);
    setReason('');
    setFrom('');
    setUntil('');
    setError(undefined);
    setSelected([]);
    setRefresh((n) => n + 1);
  };

  async function decide() {
    if (!asking) return;
    const window = asking.decision === 'SHORE_PASS' && {
      ...(from && { from: new Date(from).toISOString() }),
      ...(until && { until: new Date(until).toISOString() }),
    };
    const body = asking.crew
      ? { scope: 'CREW', decision: asking.decision, reason, ...window }
      : { scope: 'PERSONS', persons: selected.map((p) => p.ref), decision: asking.decision, reason, ...window };
    try {
      await api('POST', `/v1/calls/${callId}/landing`, body);
      done();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function decideVisitor() {
    if (!visitorAsk) return;
    try {
      await api('POST', `/v1/calls/${callId}/visitors/${visitorAsk.visitorId}/decision`, {
        decision: visitorAsk.decision,
        reason,
      });
      done();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const labelOf: Record<Kind, string> = { SHORE_PASS: l('shorePass'), REFUSED: l('refuse'), HELD_ON_BOARD: l('hold') };
  const actions = (crew: boolean) => (
    <SpaceBetween direction="horizontal" size="xs">
      {(Object.keys(labelOf) as Kind[]).map((decision) => (
        <Button
          key={`${decision}-${crew}`}
          disabled={!crew && selected.length === 0}
          onClick={() => setAsking({ decision, crew })}
        >
          {`${labelOf[decision]}: ${crew ? l('wholeCrew') : `${l('selected')} (${selected.length})`}`}
        </Button>
      ))}
    </SpaceBetween>
  );
  const data = border.data;
  const windowOf = (p: any) =>
    p.landing.from ? `${portTime(p.landing.from, lang)} – ${portTime(p.landing.until, lang)}` : '';
  const words = (table: Words, code: string) => table[code]?.[lang] ?? code;

  return (
    <SpaceBetween size="l">
      <ResponsiveTable
        selection={{
          selected,
          onChange: setSelected,
          groupLabel: l('select'),
          allLabel: l('selectAll'),
          itemLabel: (p: any) => `${p.familyName}, ${p.givenNames}`,
        }}
        title={(p: any) => `${p.ref} · ${p.familyName}, ${p.givenNames}`}
        titleColumns={['ref', 'name']}
        trackBy="ref"
        loading={border.loading && !data}
        items={data?.persons ?? []}
        header={
          <Header
            counter={data?.missing.length ? `(${l('missing')}: ${data.missing.join(', ')})` : undefined}
            actions={
              allows(status, 'DECIDE_LANDING') && (
                <SpaceBetween size="xs">
                  {actions(true)}
                  {actions(false)}
                </SpaceBetween>
              )
            }
          >
            {l('border')}
          </Header>
        }
        columns={[
          { id: 'ref', header: l('ref'), cell: (p: any) => p.ref },
          { id: 'name', header: l('name'), cell: (p: any) => `${p.familyName}, ${p.givenNames}` },
          { id: 'list', header: l('list'), cell: (p: any) => say(LIST, p.list === 'SIGN_ON' ? 'CREW' : p.list, lang) },
          {
            id: 'presence',
            header: l('presence'),
            minWidth: 130,
            cell: (p: any) => (
              <StatusIndicator type={PRESENCE[p.presence] ?? 'info'}>
                {p.presence === 'MISSING' ? l('missing') : say(PRESENCE_WORDS, p.presence, lang)}
              </StatusIndicator>
            ),
          },
          {
            id: 'landing',
            header: l('landing'),
            cell: (p: any) => `${words(LANDING, p.landing.status)} (${words(BASIS, p.landing.basis)})`,
          },
          { id: 'window', header: l('window'), cell: windowOf },
          { id: 'reason', header: l('reason'), cell: (p: any) => p.reason ?? '' },
        ]}
      />
      <ResponsiveTable
        items={data?.visitors ?? []}
        trackBy="visitorId"
        title={(v: any) => `${v.familyName}, ${v.givenNames} · ${v.visitorId}`}
        titleColumns={['id', 'name']}
        empty={<Box color="text-status-inactive">{l('none')}</Box>}
        header={<Header counter={`(${data?.visitors.length ?? 0})`}>{l('visitors')}</Header>}
        columns={[
          { id: 'id', header: l('ref'), cell: (v: any) => v.visitorId },
          { id: 'name', header: l('name'), cell: (v: any) => `${v.familyName}, ${v.givenNames}` },
          { id: 'who', header: l('company'), cell: (v: any) => `${v.company} · ${words(PURPOSE, v.purpose)}` },
          {
            id: 'window',
            header: l('window'),
            cell: (v: any) => `${portTime(v.from, lang)} – ${portTime(v.until, lang)}`,
          },
          {
            id: 'status',
            header: l('permit'),
            cell: (v: any) => (
              <StatusIndicator
                type={v.status === 'GRANTED' ? 'success' : v.status === 'REFUSED' ? 'stopped' : 'pending'}
              >
                {words(VISITOR, v.status)}
                {v.findings?.length ? ` · ${v.findings.join('; ')}` : ''}
              </StatusIndicator>
            ),
          },
          {
            id: 'actions',
            header: '',
            // What can still change: a request is granted or refused, a permit refused, a refusal granted.
            cell: (v: any) => (
              <SpaceBetween direction="horizontal" size="xxs">
                {allows(status, 'DECIDE_VISITOR') && v.status !== 'GRANTED' && (
                  <Button
                    variant="inline-link"
                    ariaLabel={`${l('grant')} · ${v.familyName}, ${v.givenNames}`}
                    onClick={() => setVisitorAsk({ visitorId: v.visitorId, decision: 'GRANT' })}
                  >
                    {l('grant')}
                  </Button>
                )}
                {allows(status, 'DECIDE_VISITOR') && v.status !== 'REFUSED' && (
                  <Button
                    variant="inline-link"
                    ariaLabel={`${l('refusePermit')} · ${v.familyName}, ${v.givenNames}`}
                    onClick={() => setVisitorAsk({ visitorId: v.visitorId, decision: 'REFUSE' })}
                  >
                    {l('refusePermit')}
                  </Button>
                )}
              </SpaceBetween>
            ),
          },
        ]}
      />
      <ActionModal
        visible={Boolean(asking)}
        header={
          asking
            ? `${labelOf[asking.decision]}: ${asking.crew ? l('wholeCrew') : selected.map((p) => p.ref).join(', ')}`
            : ''
        }
        action={asking ? labelOf[asking.decision] : ''}
        disabled={reason.trim().length < 3}
        onAction={decide}
        onDismiss={done}
      >
        <SpaceBetween size="s">
          {asking?.decision === 'SHORE_PASS' && (
            <>
              <FormField label={l('from')}>
                <Input value={from} placeholder="2026-12-03T08:00Z" onChange={({ detail }) => setFrom(detail.value)} />
              </FormField>
              <FormField label={l('until')}>
                <Input
                  value={until}
                  placeholder="2026-12-04T18:00Z"
                  onChange={({ detail }) => setUntil(detail.value)}
                />
              </FormField>
            </>
          )}
          <FormField label={l('why')} errorText={error}>
            <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} />
          </FormField>
        </SpaceBetween>
      </ActionModal>
      <ActionModal
        visible={Boolean(visitorAsk)}
        header={
          visitorAsk
            ? `${visitorAsk.decision === 'GRANT' ? l('grant') : l('refusePermit')}: ${visitorAsk.visitorId}`
            : ''
        }
        action={visitorAsk?.decision === 'GRANT' ? l('grant') : l('refusePermit')}
        disabled={reason.trim().length < 3}
        onAction={decideVisitor}
        onDismiss={done}
      >
        <FormField label={l('why')} errorText={error}>
          <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} />
        </FormField>
      </ActionModal>
    </SpaceBetween>
  );
}
