// The departure declaration, started from the port's pre-filled draft (everyone from the arrival
// lists sails, less those signed off): who sails, the crew change, review and submit.
import {
  Box,
  Container,
  FormField,
  Header,
  Multiselect,
  SpaceBetween,
  Table,
  Wizard,
} from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { departureViolations } from '../../../../functions/departure/rules.ts';
import { DepartureDeclaration } from '../../../../functions/departure/schema.ts';
import type { StoredArrival } from '../client';
import { type FieldErrors, issuesOf, pathOf, under } from '../fields';
import type { AgentCall } from '../status';
import { useWords } from '../use-words';
import type { Word } from '../words';
import { type DepartureDraft, saveDraft } from './draft';
import { PersonsStep } from './PersonsStep';
import { NO_IMPORT, importStates } from './rows';
import { DraftNotice } from './DraftNotice';
import { ReviewStep, sendDeclaration, useWizardStrings } from './ReviewStep';

const STEPS: { word: Word; prefix: string[] }[] = [
  { word: 'stepSailing', prefix: ['sailing', 'personsOnBoard', 'etd'] },
  { word: 'stepCrewChange', prefix: ['signOn', 'signOff', 'travel'] },
  { word: 'stepReview', prefix: [] },
];
const stepOf = (path: string) => {
  const i = STEPS.findIndex((s) => s.prefix.some((p) => path === p || path.startsWith(`${p}.`)));
  return i < 0 ? STEPS.length - 1 : i;
};

const counted = (d: DepartureDraft): DepartureDraft => ({ ...d, personsOnBoard: d.sailing.length + d.signOn.length });

export function departureProblems(d: DepartureDraft, arrival: StoredArrival | undefined, lang: 'en' | 'zh') {
  const shape = issuesOf(DepartureDeclaration, d, lang);
  if (Object.keys(shape).length || !arrival) return shape;
  const out: FieldErrors = {};
  for (const v of departureViolations(DepartureDeclaration.parse(d), arrival.declaration, new Date()))
    out[pathOf(v.path)] ??= v[lang];
  return out;
}

export function DepartureWizard({
  call,
  start,
  arrival,
  submitted,
  notice,
}: {
  call: AgentCall;
  start: DepartureDraft;
  arrival?: StoredArrival;
  submitted?: { version: number; declaration: DepartureDraft };
  notice?: string;
}) {
  const { w, lang } = useWords();
  const strings = useWizardStrings(STEPS.length, 'departureDeclaration');
  const [draft, setDraftState] = useState<DepartureDraft>(() => counted(start));
  const [step, setStep] = useState(0);
  const [server, setServer] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [signOnImport, setSignOnImport] = useState(NO_IMPORT);
  const setDraft = (d: DepartureDraft) => (setDraftState(counted(d)), setServer({}));
  useEffect(() => saveDraft(call.callId, 'departure', draft), [call.callId, draft]);

  const onArrival = [...(arrival?.declaration.crew ?? []), ...(arrival?.declaration.passengers ?? [])];
  const crewRefs = (arrival?.declaration.crew ?? []).map((c) => c.ref);
  const problems = { ...departureProblems(draft, arrival, lang), ...server };
  const option = (ref: string) => {
    const p = onArrival.find((x) => x.ref === ref);
    return { value: ref, label: p ? `${ref} · ${p.familyName} ${p.givenNames}` : ref };
  };

  const submit = () =>
    sendDeclaration({
      call,
      phase: 'departure',
      draft,
      problems,
      show: (path) => setStep(stepOf(path)),
      onRefused: setServer,
      setSending,
      words: { submitted: w('submitted'), failed: w('submit') },
    });

  const sailing = (
    <Table
      header={
        <Header variant="h2" description={w('sailingCount', { n: draft.sailing.length, total: onArrival.length })}>
          {w('stepSailing')}
        </Header>
      }
      items={onArrival}
      trackBy={(p) => p.ref}
      selectionType="multi"
      selectedItems={onArrival.filter((p) => draft.sailing.includes(p.ref))}
      onSelectionChange={({ detail }) => setDraft({ ...draft, sailing: detail.selectedItems.map((p) => p.ref) })}
      ariaLabels={{
        selectionGroupLabel: w('stepSailing'),
        itemSelectionLabel: (_, p) => `${p.ref} ${p.familyName} ${p.givenNames}`,
        allItemsSelectionLabel: () => w('stepSailing'),
        tableLabel: w('stepSailing'),
      }}
      columnDefinitions={[
        { id: 'ref', header: w('ref'), cell: (p) => p.ref },
        { id: 'name', header: w('familyName'), cell: (p) => `${p.familyName} ${p.givenNames}` },
        { id: 'doc', header: w('documentNumber'), cell: (p) => p.document.number },
      ]}
      footer={problems.sailing && <Box color="text-status-error">{problems.sailing}</Box>}
    />
  );
  const crewChange = (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">{w('signsOff')}</Header>}>
        <FormField label={w('signsOff')} errorText={problems.signOff}>
          <Multiselect
            selectedOptions={draft.signOff.map(option)}
            options={crewRefs.map(option)}
            onChange={({ detail }) => {
              const off = detail.selectedOptions.map((o) => o.value!);
              setDraft({ ...draft, signOff: off, sailing: draft.sailing.filter((r) => !off.includes(r)) });
            }}
            placeholder={w('signsOff')}
          />
        </FormField>
      </Container>
      <Container header={<Header variant="h2">{w('signOnCrew')}</Header>}>
        <PersonsStep
          list="crew"
          persons={draft.signOn as never[]}
          onChange={(rows) => setDraft({ ...draft, signOn: rows as never[] })}
          extra={under(problems, 'signOn.')}
          state={signOnImport}
          onState={setSignOnImport}
          onImported={(answer, file) => {
            setDraft({ ...draft, signOn: answer.crew });
            setSignOnImport(importStates(answer, file).crew);
          }}
        />
      </Container>
    </SpaceBetween>
  );
  const review = (
    <ReviewStep
      problems={problems}
      stepOf={stepOf}
      stepWord={(i) => STEPS[i]!.word}
      onGoTo={setStep}
      submitted={submitted}
      draft={draft}
      summary={[
        { label: w('stepSailing'), value: String(draft.sailing.length) },
        { label: w('signsOff'), value: draft.signOff.join(', ') || '—' },
        { label: w('signOnCrew'), value: String(draft.signOn.length) },
        { label: w('personsOnBoard'), value: String(draft.personsOnBoard) },
      ]}
    />
  );
  const contents = [sailing, crewChange, review];
  return (
    <SpaceBetween size="m">
      <DraftNotice callId={call.callId} phase="departure" notice={notice} />
      <Wizard
        activeStepIndex={step}
        isLoadingNextStep={sending}
        onNavigate={({ detail }) => setStep(detail.requestedStepIndex)}
        onCancel={() => {
          location.hash = `#/my-calls/${call.callId}`;
        }}
        onSubmit={() => void submit()}
        submitButtonText={w('submit')}
        i18nStrings={strings}
        steps={STEPS.map((s, i) => ({ title: w(s.word), content: contents[i] }))}
      />
    </SpaceBetween>
  );
}
