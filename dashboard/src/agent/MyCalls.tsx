// My calls: every call of the agent's agency with its status in words, what waits on the agent,
// and ETA/ETD in the port's own time and from now; filtered by status or any word, sorted by column.
import { Box, Button, FormField, Header, Link, Select, SpaceBetween } from '@cloudscape-design/components';
import { useState } from 'react';
import { portTimeZone } from '../../../functions/port/time-zone.ts';
import { STATUS, say } from '../catalogue';
import { portTime, relative } from '../time';
import { type Column, CollectionTable } from '../ui/CollectionTable';
import { LoadError } from '../ui/LoadError';
import { useAgentCalls } from './calls';
import { NewsBar } from './NewsBar';
import { type AgentCall, type AgentCallDetail, waitingOn } from './status';
import { useWords } from './use-words';

function When({ iso, port }: { iso: string; port: string }) {
  const { lang } = useWords();
  return (
    <SpaceBetween size="xxxs">
      <span>{portTime(iso, lang, true, portTimeZone(port))}</span>
      <Box variant="small" color="text-body-secondary">
        {relative(iso, lang)}
      </Box>
    </SpaceBetween>
  );
}

export function Waiting({ call, detail }: { call: AgentCall; detail?: AgentCallDetail }) {
  const { w } = useWords();
  const waiting = waitingOn(call, detail);
  const text = waiting.reasons.length ? `${w(waiting.word)}: ${waiting.reasons.join('; ')}` : w(waiting.word);
  if (!waiting.act) return <Box color="text-body-secondary">{text}</Box>;
  return (
    <Link href={`#/my-calls/${call.callId}/${waiting.phase}`} variant="primary">
      {text}
    </Link>
  );
}

export function MyCalls() {
  const { w, lang } = useWords();
  const loaded = useAgentCalls();
  const [status, setStatus] = useState<string | undefined>();
  const calls = (loaded.data?.calls ?? []).filter((c) => !status || c.status === status);
  const waitingText = (c: AgentCall) => {
    const waiting = waitingOn(c, loaded.data?.details.get(c.callId));
    return [w(waiting.word), ...waiting.reasons].join(' ');
  };
  const columns: Column<AgentCall>[] = [
    {
      id: 'vessel',
      header: w('vessel'),
      cell: (c) => (
        <SpaceBetween size="xxxs">
          <Link href={`#/my-calls/${c.callId}`}>{c.vessel.name}</Link>
          <Box variant="small" color="text-body-secondary">
            {c.voyage} · IMO {c.vessel.imo}
          </Box>
        </SpaceBetween>
      ),
      sortValue: (c) => c.vessel.name,
      filterText: (c) => `${c.vessel.name} ${c.voyage} ${c.vessel.imo} ${c.port}`,
    },
    {
      id: 'status',
      header: w('statusFilter'),
      cell: (c) => say(STATUS, c.status, lang),
      sortValue: (c) => say(STATUS, c.status, lang),
      filterText: (c) => say(STATUS, c.status, lang),
    },
    {
      id: 'waiting',
      header: w('waitingOnYou'),
      cell: (c) => <Waiting call={c} detail={loaded.data?.details.get(c.callId)} />,
      sortValue: (c) => (waitingOn(c).act ? 0 : 1),
      filterText: waitingText,
    },
    { id: 'port', header: w('portCode'), cell: (c) => c.port, sortValue: (c) => c.port, filterText: (c) => c.port },
    {
      id: 'eta',
      header: w('eta'),
      cell: (c) => <When iso={c.eta} port={c.port} />,
      sortValue: (c) => Date.parse(c.eta),
    },
    {
      id: 'etd',
      header: w('etd'),
      cell: (c) => <When iso={c.etd} port={c.port} />,
      sortValue: (c) => Date.parse(c.etd),
    },
  ];
  const statuses = [...new Set((loaded.data?.calls ?? []).map((c) => c.status))];
  const option = (s?: string) => ({ value: s ?? '', label: s ? say(STATUS, s, lang) : w('allStatuses') });
  return (
    <SpaceBetween size="m">
      <NewsBar notices={loaded.data?.notices ?? []} />
      <LoadError what={w('myCalls')} loaded={loaded} />
      <CollectionTable
        items={calls}
        columns={columns}
        trackBy={(c) => c.callId}
        loading={loaded.loading && !loaded.data}
        variant="full-page"
        sortedBy="eta"
        markColumn="vessel"
        ariaLabel={w('myCalls')}
        header={
          <Header
            variant="h1"
            counter={`(${calls.length})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs" alignItems="end">
                <FormField label={w('statusFilter')}>
                  <Select
                    selectedOption={option(status)}
                    onChange={({ detail }) => setStatus(detail.selectedOption.value || undefined)}
                    options={[option(), ...statuses.map(option)]}
                  />
                </FormField>
                <Button variant="primary" href="#/announce">
                  {w('announce')}
                </Button>
              </SpaceBetween>
            }
          >
            {w('myCalls')}
          </Header>
        }
        empty={<Box textAlign="center">{w('noCallsYet')}</Box>}
      />
    </SpaceBetween>
  );
}
