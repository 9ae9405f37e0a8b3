// The review queue: soonest deadline first, with the reasons in words and the time left; decide
// in place, sort and filter.
import { Box, Header, SpaceBetween } from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';
import { LoadError } from '../ui/LoadError';
import { ReviewsPanel } from './shift/ReviewsPanel';
import type { ShiftReview } from './shift/types';

interface ApiReview extends Omit<ShiftReview, 'vesselName' | 'imo' | 'agentId'> {
  call: { vesselName: string; imo: string; agentId: string };
}

export function Reviews() {
  const { t } = useT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const reviews = useLoad<{ items: ApiReview[] }>(() => api('GET', '/v1/reviews?limit=100'));
  const items: ShiftReview[] = (reviews.data?.items ?? []).map((r) => ({ ...r, ...r.call }));
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{t('reviews')}</Header>
      <LoadError what={t('reviews')} loaded={reviews} />
      {reviews.data ? (
        <ReviewsPanel reviews={items} now={now} onDone={reviews.reload} />
      ) : (
        !reviews.error && <Box>{t('loading')}</Box>
      )}
    </SpaceBetween>
  );
}
