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
  Table,
  Textarea,
} from '@cloudscape-design/components';
import { ActionModal } from '../../ui/ActionModal';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLoad } from '../../live';
import { LIST, PRESENCE as PRESENCE_WORDS, say } from '../../catalogue';
import { portTime } from '../../time';

// Labels of this component only, beside it so the page's shared labels stay untouched.
const LABELS = {
  border: { en: 'Border control of persons', zh: '人员边检' },
  visitors: { en: 'Visitors on a boarding permit', zh: '登轮许可访客' },
  presence: { en: 'Where', zh: '位置' },
  landing: { en: 'Landing', zh: '登陆许可' },
  window: { en: 'Pass window', zh: '有效期' },
  reason: { en: 'Officer’s note', zh: '原因' },
  why: { en: 'Why (kept for officers and the audit trail)', zh: '理由（仅边检人员可见，记入审计）' },
  shorePass: { en: 'Shore pass', zh: '准予登陆' },
  refuse: { en: 'Refuse landing', zh: '不准登陆' },
  hold: { en: 'Hold on board', zh: '留船' },
  wholeCrew: { en: 'the whole crew', zh: '全体船员' },
  selected: { en: 'the selected persons', zh: '所选人员' },
  from: { en: 'From (default: arrival)', zh: '起（默认抵港）' },
  until: { en: 'Until (default: departure)', zh: '止（默认离港）' },
  grant: { en: 'Grant', zh: '批准' },
  missing: { en: 'Missing', zh: '未归船' },
  none: { en: 'No visitors', zh: '无访客' },
  ref: { en: 'Ref', zh: '编号' },
  name: { en: 'Name', zh: '姓名' },
  list: { en: 'List', zh: '名单' },
  company: { en: 'Company · purpose', zh: '单位 · 事由' },
  permit: { en: 'Permit', zh: '许可' },
  select: { en: 'Select persons', zh: '选择人员' },
  selectAll: { en: 'Select everyone', zh: '全选' },
} as const;

type Words = Record<string, { en: string; zh: string }>;
// What a landing permission, its basis and a visitor's permit say, in words.
const LANDING: Words = {
  SHORE_PASS: { en: 'Shore pass', zh: '准予登陆' },
  REFUSED: { en: 'Refused', zh: '不准登陆' },
  HELD_ON_BOARD: { en: 'Held on board', zh: '留船' },
  NOT_YET_CLEARED: { en: 'Not yet cleared', zh: '尚未放行' },
  NONE: { en: 'No pass', zh: '无登陆证' },
};
const BASIS: Words = {
  PERSON: { en: 'for this person', zh: '个人决定' },
  CREW: { en: 'for the crew', zh: '全体船员' },
  PORT_DEFAULT: { en: 'port default', zh: '口岸默认' },
  SIGN_OFF: { en: 'signing off', zh: '离船' },
  ARRIVAL_NOT_CLEARED: { en: 'arrival not cleared', zh: '抵港未放行' },
};
const VISITOR: Words = {
  REQUESTED: { en: 'Requested', zh: '已申请' },
  GRANTED: { en: 'Granted', zh: '已批准' },
  REFUSED: { en: 'Refused', zh: '已拒绝' },
};
const PURPOSE: Words = {
  PILOT: { en: 'Pilot', zh: '引航员' },
  SURVEYOR: { en: 'Surveyor', zh: '验船师' },
  AGENT_STAFF: { en: 'Agent staff', zh: '代理人员' },
  CHANDLER: { en: 'Chandler', zh: '船舶供应商' },
  REPAIR_CREW: { en: 'Repair crew', zh: '修理人员' },
  OTHER: { en: 'Other', zh: '其他' },
};

type Kind = 'SHORE_PASS' | 'REFUSED' | 'HELD_ON_BOARD';

const PRESENCE: Record<string, StatusIndicatorProps.Type> = {
  ON_BOARD: 'success',
  ASHORE: 'info',
  UNKNOWN: 'pending',
  MISSING: 'error',
};

export function Persons({ callId }: { callId: string }) {
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
      <Table
        variant="container"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="ref"
        ariaLabels={{
          selectionGroupLabel: l('select'),
          allItemsSelectionLabel: () => l('selectAll'),
          itemSelectionLabel: (_selection, p: any) => `${p.familyName}, ${p.givenNames}`,
        }}
        loading={border.loading && !data}
        items={data?.persons ?? []}
        header={
          <Header
            counter={data?.missing.length ? `(${l('missing')}: ${data.missing.join(', ')})` : undefined}
            actions={
              <SpaceBetween size="xs">
                {actions(true)}
                {actions(false)}
              </SpaceBetween>
            }
          >
            {l('border')}
          </Header>
        }
        columnDefinitions={[
          { id: 'ref', header: l('ref'), cell: (p: any) => p.ref },
          { id: 'name', header: l('name'), cell: (p: any) => `${p.familyName}, ${p.givenNames}` },
          { id: 'list', header: l('list'), cell: (p: any) => say(LIST, p.list === 'SIGN_ON' ? 'CREW' : p.list, lang) },
          {
            id: 'presence',
            header: l('presence'),
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
      <Table
        variant="container"
        items={data?.visitors ?? []}
        empty={<Box color="text-status-inactive">{l('none')}</Box>}
        header={<Header counter={`(${data?.visitors.length ?? 0})`}>{l('visitors')}</Header>}
        columnDefinitions={[
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
            cell: (v: any) => (
              <SpaceBetween direction="horizontal" size="xxs">
                <Button
                  variant="inline-link"
                  onClick={() => setVisitorAsk({ visitorId: v.visitorId, decision: 'GRANT' })}
                >
                  {l('grant')}
                </Button>
                <Button
                  variant="inline-link"
                  onClick={() => setVisitorAsk({ visitorId: v.visitorId, decision: 'REFUSE' })}
                >
                  {l('refuse')}
                </Button>
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
          visitorAsk ? `${visitorAsk.decision === 'GRANT' ? l('grant') : l('refuse')}: ${visitorAsk.visitorId}` : ''
        }
        action={visitorAsk?.decision === 'GRANT' ? l('grant') : l('refuse')}
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
