// Reviews waiting, soonest deadline first: the ship, why, the time left, and the decision in place.
import { Box, Header, Link, SpaceBetween, StatusIndicator } from '@cloudscape-design/components';
import { KIND, REASON, say } from '../../catalogue';
import { useT } from '../../i18n';
import { duration, portTime } from '../../time';
import { CollectionTable } from '../../ui/CollectionTable';
import { SeverityMark } from '../../ui/Danger';
import { DecisionButtons } from '../DecisionDialog';
import type { ShiftReview } from './types';

export function Countdown({ deadline, now }: { deadline: string; now: number }) {
  const { t, lang } = useT();
  const left = Date.parse(deadline) - now;
  if (left < 0) return <StatusIndicator type="error">{`${t('overdueBy')} ${duration(left, lang)}`}</StatusIndicator>;
  return <StatusIndicator type={left < 2 * 3_600_000 ? 'warning' : 'pending'}>{duration(left, lang)}</StatusIndicator>;
}

export function ReviewsPanel({ reviews, now, onDone }: { reviews: ShiftReview[]; now: number; onDone: () => void }) {
  const { t, lang } = useT();
  return (
    <CollectionTable
      ariaLabel={t('reviewsWaiting')}
      items={reviews}
      trackBy={(r) => r.reviewId}
      sortedBy="deadline"
      header={
        <Header variant="h2" counter={`(${reviews.length})`}>
          {t('reviewsWaiting')}
        </Header>
      }
      empty={<Box color="text-status-inactive">{t('noReviews')}</Box>}
      columns={[
        {
          id: 'vessel',
          header: t('vessel'),
          cell: (r) => <Link href={`#/calls/${r.callId}`}>{`${r.vesselName} · ${say(KIND, r.kind, lang)}`}</Link>,
          sortValue: (r) => r.vesselName,
          filterText: (r) => `${r.vesselName} ${say(KIND, r.kind, lang)}`,
        },
        {
          id: 'reasons',
          header: t('reasons'),
          cell: (r) => (
            <SpaceBetween size="xxs">
              {r.reasons.map((x) => (
                <SeverityMark key={`${x.code}${x.personRef ?? ''}`} severity={x.severity}>
                  {`${say(REASON, x.code, lang)}${x.personRef ? ` (${x.personRef})` : ''}`}
                </SeverityMark>
              ))}
            </SpaceBetween>
          ),
          filterText: (r) => r.reasons.map((x) => say(REASON, x.code, lang)).join(' '),
        },
        {
          id: 'deadline',
          header: t('countdown'),
          cell: (r) => (
            <SpaceBetween size="xxs">
              <Countdown deadline={r.deadline} now={now} />
              <Box variant="small">{`${t('due')} ${portTime(r.deadline, lang)}`}</Box>
            </SpaceBetween>
          ),
          sortValue: (r) => r.deadline,
        },
        {
          id: 'decide',
          header: t('decide'),
          cell: (r) => <DecisionButtons review={{ ...r, reasons: r.reasons }} onDone={onDone} />,
        },
      ]}
    />
  );
}
