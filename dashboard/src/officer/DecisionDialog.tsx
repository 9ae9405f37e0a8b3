// Deciding a review: the dialog names the ship and the phase, lists the reasons in words, shows the
// deadline with the time left, checks the reason before anything is sent, names the action on its
// button, starts clean every time, and ends with a flash saying how it went.
import { Button, FormField, KeyValuePairs, SpaceBetween, Textarea } from '@cloudscape-design/components';
import { useState } from 'react';
import { api, loadSession } from '../api';
import { DECISION, KIND, REASON, say } from '../catalogue';
import { useT } from '../i18n';
import { portTime, relative } from '../time';
import { ActionModal } from '../ui/ActionModal';
import { SeverityMark } from '../ui/Danger';
import { flash } from '../ui/flash';

export interface ReviewToDecide {
  reviewId: string;
  kind: 'ARRIVAL' | 'DEPARTURE';
  deadline: string;
  reasons: { code: string; severity: string; personRef?: string }[];
  vesselName: string;
  imo?: string;
}

type Decision = 'APPROVE' | 'REJECT' | 'REQUEST_AMENDMENT';
const MAX_REASON = 1000;

/** Refusing a whole ship on arrival is a supervisor's decision (the API answers 403 to an officer). */
export function decisionsFor(kind: ReviewToDecide['kind'], role: string | undefined): Decision[] {
  return kind === 'ARRIVAL' && role !== 'supervisor'
    ? ['APPROVE', 'REQUEST_AMENDMENT']
    : ['APPROVE', 'REJECT', 'REQUEST_AMENDMENT'];
}

export function DecisionButtons({ review, onDone }: { review: ReviewToDecide; onDone: () => void }) {
  const { lang } = useT();
  const [decision, setDecision] = useState<Decision | undefined>();
  const kind = say(KIND, review.kind, lang);
  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        {decisionsFor(review.kind, loadSession()?.role).map((d) => (
          <Button
            key={d}
            variant={d === 'APPROVE' ? 'primary' : 'normal'}
            ariaLabel={`${say(DECISION, d, lang)} · ${kind} · ${review.vesselName}`}
            onClick={() => setDecision(d)}
          >
            {say(DECISION, d, lang)}
          </Button>
        ))}
      </SpaceBetween>
      {decision && (
        // Mounted afresh for each decision: no reason or error is carried into the next dialog.
        <DecisionDialog review={review} decision={decision} onClose={() => setDecision(undefined)} onDone={onDone} />
      )}
    </>
  );
}

function DecisionDialog(props: {
  review: ReviewToDecide;
  decision: Decision;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useT();
  const { review, decision } = props;
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const action = `${say(DECISION, decision, lang)} · ${say(KIND, review.kind, lang)}`;
  const needsReason = decision !== 'APPROVE';
  const problem =
    needsReason && !reason.trim()
      ? t('reasonRequired')
      : reason.length > MAX_REASON
        ? `${reason.length} / ${MAX_REASON}`
        : undefined;
  const send = async () => {
    setTried(true);
    if (problem) return;
    setSending(true);
    try {
      await api('POST', `/v1/reviews/${review.reviewId}/decision`, { decision, ...(reason.trim() && { reason }) });
      flash('success', `${t('decided')}: ${action} · ${review.vesselName}`);
      props.onDone();
    } catch (e) {
      flash('error', `${t('actionFailed')}: ${action} · ${review.vesselName}`, (e as Error).message);
    }
    setSending(false);
    props.onClose();
  };
  return (
    <ActionModal
      visible
      onDismiss={props.onClose}
      header={`${action} · ${review.vesselName}`}
      action={action}
      loading={sending}
      onAction={send}
    >
      <SpaceBetween size="m">
        <KeyValuePairs
          columns={2}
          items={[
            { label: t('vessel'), value: `${review.vesselName}${review.imo ? ` · IMO ${review.imo}` : ''}` },
            {
              label: t('deadline'),
              value: `${portTime(review.deadline, lang, true)} (${relative(review.deadline, lang)})`,
            },
            {
              label: t('reasons'),
              value: (
                <SpaceBetween size="xxs">
                  {review.reasons.map((r) => (
                    <SeverityMark key={`${r.code}${r.personRef ?? ''}`} severity={r.severity}>
                      {`${say(REASON, r.code, lang)}${r.personRef ? ` (${r.personRef})` : ''}`}
                    </SeverityMark>
                  ))}
                </SpaceBetween>
              ),
            },
          ]}
        />
        <FormField
          label={t('reason')}
          description={needsReason ? t('reasonRequired') : t('reasonOptional')}
          errorText={tried ? problem : undefined}
        >
          <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} ariaLabel={t('reason')} />
        </FormField>
      </SpaceBetween>
    </ActionModal>
  );
}
