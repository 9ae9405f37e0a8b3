// The arrival declaration in six steps: general declaration, crew, passengers, health, security,
// review and submit. Checked with the API's own schema and rules as the agent goes; an
// amendment shows what changed before it is sent; the server's refusals land on their fields.
import { Alert, Box, Button, Container, Header, Link, SpaceBetween, Wizard } from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { declarationViolations } from '../../../../functions/arrival/rules.ts';
import { ArrivalDeclaration } from '../../../../functions/arrival/schema.ts';
import { ApiError, api } from '../../api';
import { changedPaths } from '../../diff';
import { flash } from '../../ui/flash';
import type { StoredArrival } from '../client';
import { type FieldErrors, detailsOf, issuesOf, pathOf, under } from '../fields';
import type { AgentCall } from '../status';
import { useWords } from '../use-words';
import type { Word } from '../words';
import { GeneralStep, HealthStep, SecurityStep } from './ArrivalSteps';
import { type ArrivalDraft, dropDraft, saveDraft, withCounts } from './draft';
import { NO_IMPORT, PersonsStep, importStates } from './PersonsStep';

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
  const shape = issuesOf(ArrivalDeclaration, draft);
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
  const changes = submitted ? changedPaths(submitted.declaration, draft) : [];

  const submit = async () => {
    setVisited(new Set(STEPS.map((_, i) => i)));
    if (Object.keys(problems).length) return setStep(stepOf(Object.keys(problems)[0]!));
    setSending(true);
    try {
      await api('PUT', `/v1/calls/${call.callId}/arrival`, draft);
      dropDraft(call.callId, 'arrival');
      flash('success', w('submitted'), `${call.vessel.name} · ${call.voyage}`);
      location.hash = `#/my-calls/${call.callId}`;
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        const found = detailsOf(error.details);
        setServer(found);
        setVisited(new Set(STEPS.map((_, i) => i)));
        setStep(stepOf(Object.keys(found)[0]!));
      } else flash('error', w('submit'), (error as Error).message);
    } finally {
      setSending(false);
    }
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
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">{w('toFix')}</Header>}>
        {Object.keys(problems).length === 0 ? (
          <Alert type="success">{w('readyToSend')}</Alert>
        ) : (
          <ul>
            {Object.entries(problems).map(([path, message]) => (
              <li key={path}>
                <Link onFollow={() => setStep(stepOf(path))}>{`${w(STEPS[stepOf(path)]!.word)} · ${path}`}</Link>
                {`: ${message}`}
              </li>
            ))}
          </ul>
        )}
      </Container>
      <Container
        header={
          <Header variant="h2">
            {submitted ? w('changesSinceVersion', { v: submitted.version }) : w('stepReview')}
          </Header>
        }
      >
        {!submitted ? (
          <Box>{w('firstVersion')}</Box>
        ) : changes.length === 0 ? (
          <Box>{w('noChanges')}</Box>
        ) : (
          <ul>
            {changes.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        )}
      </Container>
    </SpaceBetween>
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
      <Alert
        type="info"
        action={
          <Button
            onClick={() => {
              dropDraft(call.callId, 'arrival');
              location.reload();
            }}
          >
            {w('discardDraft')}
          </Button>
        }
      >
        {notice ? `${notice} ` : ''}
        {w('draftSaved')}
      </Alert>
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
        i18nStrings={{
          stepNumberLabel: (n) => w('stepOf', { n, total: STEPS.length }),
          collapsedStepsLabel: (n, total) => w('stepOf', { n, total }),
          navigationAriaLabel: w('arrivalDeclaration'),
          cancelButton: w('cancel'),
          previousButton: w('previous'),
          nextButton: w('next'),
          optional: w('optionalStep'),
        }}
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
