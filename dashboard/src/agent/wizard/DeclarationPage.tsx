// Opens a call's arrival or departure wizard from the best start there is: the draft kept in this
// browser, else the version on record (an amendment), else — for an arrival — the previous
// voyage's declaration of the same ship, and for a departure the port's pre-filled draft.
import { Box, Header, SpaceBetween, Spinner } from '@cloudscape-design/components';
import type { DepartureDraft as DraftRead } from '../../../../functions/departure/schema.ts';
import type { z } from 'zod';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api';
import { LoadError } from '../../ui/LoadError';
import { type StoredArrival, arrivalOf, previousVoyage } from '../client';
import type { AgentCall } from '../status';
import { useWords } from '../use-words';
import { ArrivalWizard } from './ArrivalWizard';
import { DepartureWizard } from './DepartureWizard';
import { type ArrivalDraft, type DepartureDraft, emptyArrival, fromPreviousVoyage, loadDraft } from './draft';

type Start =
  | {
      phase: 'arrival';
      call: AgentCall;
      draft: ArrivalDraft;
      submitted?: StoredArrival;
      from?: 'previous';
      voyage?: string;
    }
  | {
      phase: 'departure';
      call: AgentCall;
      draft: DepartureDraft;
      arrival?: StoredArrival;
      submitted?: { version: number; declaration: DepartureDraft };
      fromPort: boolean;
    };

async function startOf(callId: string, phase: 'arrival' | 'departure'): Promise<Start> {
  const call = await api<AgentCall>('GET', `/v1/calls/${callId}`);
  const kept = loadDraft<ArrivalDraft & DepartureDraft>(callId, phase);
  if (phase === 'arrival') {
    const submitted = await arrivalOf(callId);
    if (kept) return { phase, call, draft: kept, submitted };
    if (submitted) return { phase, call, draft: structuredClone(submitted.declaration), submitted };
    const previous = await previousVoyage(call);
    if (previous)
      return {
        phase,
        call,
        draft: fromPreviousVoyage(previous.stored.declaration),
        from: 'previous',
        voyage: previous.voyage,
      };
    return { phase, call, draft: emptyArrival() };
  }
  const [read, arrival] = await Promise.all([
    api<z.infer<typeof DraftRead>>('GET', `/v1/calls/${callId}/departure`),
    arrivalOf(callId),
  ]);
  const version = read.basedOn.departureVersion;
  const submitted = version
    ? await api<{ version: number; declaration: DepartureDraft }>(
        'GET',
        `/v1/calls/${callId}/departure?version=${version}`,
      )
    : undefined;
  return { phase, call, draft: kept ?? read.draft, arrival, submitted, fromPort: !kept };
}

export function DeclarationPage({ callId, phase }: { callId: string; phase: 'arrival' | 'departure' }) {
  const { w } = useWords();
  // Loaded once, not on every live tick: nothing may move under what the agent is typing.
  const [loaded, setLoaded] = useState<{ data?: Start; error?: string; errorStatus?: number }>({});
  const [again, setAgain] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `again` is the retry
  useEffect(() => {
    let cancelled = false;
    startOf(callId, phase).then(
      (data) => !cancelled && setLoaded({ data }),
      (error: Error) =>
        !cancelled && setLoaded({ error: error.message, errorStatus: error instanceof ApiError ? error.status : 0 }),
    );
    return () => {
      cancelled = true;
    };
  }, [callId, phase, again]);
  const start = loaded.data;
  const title = w(phase === 'arrival' ? 'arrivalDeclaration' : 'departureDeclaration');
  return (
    <SpaceBetween size="m">
      <Header variant="h1" description={start ? `${start.call.vessel.name} · ${start.call.voyage}` : undefined}>
        {title}
      </Header>
      <LoadError what={title} loaded={{ ...loaded, reload: () => setAgain((n) => n + 1) }} />
      {loaded.error ? null : !start ? (
        <Box textAlign="center">
          <Spinner size="large" />
        </Box>
      ) : start.phase === 'arrival' ? (
        <ArrivalWizard
          call={start.call}
          start={start.draft}
          submitted={start.submitted}
          notice={start.from === 'previous' ? w('startedFromPrevious', { voyage: start.voyage ?? '' }) : undefined}
        />
      ) : (
        <DepartureWizard
          call={start.call}
          start={start.draft}
          arrival={start.arrival}
          submitted={start.submitted}
          notice={start.fromPort ? w('startedFromDraft') : undefined}
        />
      )}
    </SpaceBetween>
  );
}
