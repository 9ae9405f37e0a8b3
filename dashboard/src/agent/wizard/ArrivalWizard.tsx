// The arrival declaration in six steps: general declaration, crew, passengers, health, security,
// review and submit. Checked with the API's own schema and rules as the agent goes; an
// amendment shows what changed before it is sent; the server's refusals land on their fields.
import { SpaceBetween, Wizard } from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { declarationViolations } from '../../../../functions/arrival/rules.ts';
import { ArrivalDeclaration } from '../../../../functions/arrival/schema.ts';
import type { StoredArrival } from '../client';
import { type FieldErrors, issuesOf, pathOf, under } from '../fields';
import type { AgentCall } from '../status';
import { useWords } from '../use-words';
import type { Word } from '../words';
import { GeneralStep, HealthStep, SecurityStep } from './ArrivalSteps';
import { type ArrivalDraft, saveDraft, withCounts } from './draft';
import { PersonsStep } from './PersonsStep';
import { NO_IMPORT, importStates } from './rows';
import { DraftNotice } from './DraftNotice';
import { ReviewStep, sendDeclaration, useWizardStrings } from './ReviewStep';

const STEPS: { word: Word; prefix: string }[] = [
  { word: 'stepGeneral', prefix: 'general' },
  { word: 'stepCrew', prefix: 'crew' },
  { word: 'stepPassengers', prefix: 'passengers' },
  { word: 'stepHealth', prefix: 'health' },
  { word: 'stepSecurity', prefix: 'security' },
  { word: 'stepReview', prefix: '' },
];

/** Which step a path belongs to (`crew.3.document.expiry` → the crew step). */
const stepOf = (path: string) => {
  const i = STEPS.findIndex((s) => s.prefix && (path === s.prefix || path.startsWith(`${s.prefix}.`)));
  return i < 0 ? STEPS.length - 1 : i;
};

/** Every problem the API would answer with: the schema first, then the declaration's rules. */
export function arrivalProblems(draft: ArrivalDraft, call: AgentCall, lang: 'en' | 'zh', now = new Date()) {
  const shape = issuesOf(ArrivalDeclaration, draft, lang);
  if (Object.keys(shape).length) return shape;
  const out: FieldErrors = {};
  for (const v of declarationViolations(ArrivalDeclaration.parse(draft), call, now)) out[pathOf(v.path)] ??= v[lang];
  return out;
}

export function ArrivalWizard({
  call,
  start,
  submitted,
  notice,
}: {
  call: AgentCall;
  start: ArrivalDraft;
  /** The version on record, for an amendment. */
  submitted?: StoredArrival;
  notice?: string;
}) {
  const { w, lang } = useWords();
  const strings = useWizardStrings(STEPS.length, 'arrivalDeclaration');
  const [draft, setDraftState] = useState<ArrivalDraft>(() => withCounts(start));
  const [step, setStep] = useState(0);
  const [visited, setVisited] = useState<Set<number>>(new Set());
  const [server, setServer] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [imports, setImports] = useState({ crew: NO_IMPORT, passengers: NO_IMPORT });
  const setDraft = (d: ArrivalDraft) => {
    setDraftState(withCounts(d));
    setServer({});
  };
  useEffect(() => saveDraft(call.callId, 'arrival', draft), [call.callId, draft]);

  const problems = { ...arrivalProblems(draft, call, lang), ...server };
  const stepProblems = (i: number) => Object.keys(problems).filter((p) => stepOf(p) === i);

  const submit = () => {
    setVisited(new Set(STEPS.map((_, i) => i)));
    return sendDeclaration({
      call,
      phase: 'arrival',
      draft,
      problems,
      show: (path) => setStep(stepOf(path)),
      onRefused: setServer,
      setSending,
      words: { submitted: w('submitted'), failed: w('submit') },
    });
  };

  // A step's fields show their problems once the agent has been past it (or tried to submit).
  const errors = visited.has(step) ? problems : {};
  const persons = (list: 'crew' | 'passengers') => (
    <PersonsStep
      list={list}
      persons={draft[list] as never[]}
      onChange={(rows) => setDraft({ ...draft, [list]: rows })}
      extra={under(problems, `${list}.`)}
      state={imports[list]}
      onState={(state) => setImports((all) => ({ ...all, [list]: state }))}
      onImported={(answer, file) => {
        // One workbook of the IMO template holds both lists: the other one is taken too when it has rows.
        const other = list === 'crew' ? 'passengers' : 'crew';
        const states = importStates(answer, file);
        const takeOther = answer[other].length > 0;
        setDraft({ ...draft, [list]: answer[list], ...(takeOther && { [other]: answer[other] }) });
        setImports((all) => ({ ...all, [list]: states[list], ...(takeOther && { [other]: states[other] }) }));
      }}
    />
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
        { label: w('masterName'), value: draft.general.masterName || '—' },
        { label: w('crewCount'), value: String(draft.crew.length) },
        { label: w('passengerCount'), value: String(draft.passengers.length) },
        { label: w('lastPorts'), value: draft.general.lastPortsOfCall.map((p) => p.port).join(', ') || '—' },
        { label: w('sanitationUntil'), value: draft.health.sanitationCertificateValidUntil || '—' },
        { label: w('isscUntil'), value: draft.security.isscValidUntil || '—' },
        { label: w('securityLevel'), value: String(draft.security.securityLevel) },
        { label: w('csoName'), value: draft.security.companySecurityOfficer.name || '—' },
      ]}
    />
  );
  const contents = [
    <GeneralStep key="g" draft={draft} onChange={setDraft} errors={errors} />,
    persons('crew'),
    persons('passengers'),
    <HealthStep key="h" draft={draft} onChange={setDraft} errors={errors} />,
    <SecurityStep key="s" draft={draft} onChange={setDraft} errors={errors} />,
    review,
  ];
  return (
    <SpaceBetween size="m">
      <DraftNotice callId={call.callId} phase="arrival" notice={notice} />
      <Wizard
        activeStepIndex={step}
        isLoadingNextStep={sending}
        onNavigate={({ detail }) => {
          setVisited((v) => new Set(v).add(step));
          setStep(detail.requestedStepIndex);
        }}
        onCancel={() => {
          location.hash = `#/my-calls/${call.callId}`;
        }}
        onSubmit={() => void submit()}
        submitButtonText={w('submit')}
        i18nStrings={strings}
        steps={STEPS.map((s, i) => ({
          title: w(s.word),
          description: i === 0 ? `${call.vessel.name} · ${call.voyage}` : undefined,
          isOptional: s.prefix === 'passengers',
          errorText:
            visited.has(i) && i < STEPS.length - 1 && stepProblems(i).length
              ? w('stepProblems', { n: stepProblems(i).length })
              : undefined,
          content: contents[i],
        }))}
      />
    </SpaceBetween>
  );
}
