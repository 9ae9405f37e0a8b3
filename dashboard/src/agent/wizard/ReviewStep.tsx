// What both declaration wizards end with: what is left to fix, each problem a way back to its
// step, what an amendment changes against the version on record, and sending it.
import {
  Alert,
  Box,
  Container,
  Header,
  KeyValuePairs,
  Link,
  SpaceBetween,
  type WizardProps,
} from '@cloudscape-design/components';
import { ApiError, api } from '../../api';
import { changedPaths } from '../../diff';
import { flash } from '../../ui/flash';
import { type FieldErrors, detailsOf } from '../fields';
import type { AgentCall } from '../status';
import { useWords } from '../use-words';
import type { Word } from '../words';
import { type Phase, dropDraft } from './draft';

export function ReviewStep({
  problems,
  stepOf,
  stepWord,
  onGoTo,
  submitted,
  draft,
  summary,
}: {
  problems: FieldErrors;
  stepOf: (path: string) => number;
  stepWord: (step: number) => Word;
  onGoTo: (step: number) => void;
  submitted?: { version: number; declaration: unknown };
  draft: unknown;
  /** What will be sent, at a glance. */
  summary: { label: string; value: string }[];
}) {
  const { w } = useWords();
  const changes = submitted ? changedPaths(submitted.declaration, draft) : [];
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">{w('toFix')}</Header>}>
        {Object.keys(problems).length === 0 ? (
          <Alert type="success">{w('readyToSend')}</Alert>
        ) : (
          <ul>
            {Object.entries(problems).map(([path, message]) => (
              <li key={path}>
                <Link onFollow={() => onGoTo(stepOf(path))}>{`${w(stepWord(stepOf(path)))} · ${path}`}</Link>
                {`: ${message}`}
              </li>
            ))}
          </ul>
        )}
      </Container>
      <Container header={<Header variant="h2">{w('toSend')}</Header>}>
        <KeyValuePairs columns={4} items={summary} />
      </Container>
      <Container
        header={
          <Header variant="h2">
            {submitted ? w('changesSinceVersion', { v: submitted.version }) : w('versionHeading')}
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
}

/** The wizard's own words, in the portal's language. */
export function useWizardStrings(steps: number, title: Word): WizardProps.I18nStrings {
  const { w } = useWords();
  return {
    stepNumberLabel: (n) => w('stepOf', { n, total: steps }),
    collapsedStepsLabel: (n, total) => w('stepOf', { n, total }),
    navigationAriaLabel: w(title),
    cancelButton: w('cancel'),
    previousButton: w('previous'),
    nextButton: w('next'),
    optional: w('optionalStep'),
  };
}

/**
 * Sends a declaration: refused before sending while problems remain (the first one's field is
 * shown), and the server's details put back on their fields when it refuses.
 */
export async function sendDeclaration(options: {
  call: AgentCall;
  phase: Phase;
  draft: unknown;
  problems: FieldErrors;
  /** Where a problem's path is fixed. */
  show: (path: string) => void;
  onRefused: (errors: FieldErrors) => void;
  setSending: (sending: boolean) => void;
  words: { submitted: string; failed: string };
}) {
  const { call, phase } = options;
  const first = Object.keys(options.problems)[0];
  if (first) return options.show(first);
  options.setSending(true);
  try {
    await api('PUT', `/v1/calls/${call.callId}/${phase}`, options.draft);
    dropDraft(call.callId, phase);
    flash('success', options.words.submitted, `${call.vessel.name} · ${call.voyage}`);
    location.hash = `#/my-calls/${call.callId}`;
  } catch (error) {
    if (error instanceof ApiError && error.details.length) {
      const found = detailsOf(error.details);
      options.onRefused(found);
      options.show(Object.keys(found)[0]!);
    } else flash('error', options.words.failed, (error as Error).message);
  } finally {
    options.setSending(false);
  }
}
