// The review queue: oldest first, with the reasons; approve, reject or request an amendment.
import { useState } from 'react';
import {
  Box,
  Button,
  FormField,
  Header,
  Link,
  SpaceBetween,
  StatusIndicator,
  Table,
  Textarea,
} from '@cloudscape-design/components';
import { ActionModal } from '../ActionModal';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';

export function DecisionButtons({ review, onDone }: { review: any; onDone: () => void }) {
  const { t } = useT();
  const [decision, setDecision] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const decide = async () => {
    try {
      await api('POST', `/v1/reviews/${review.reviewId}/decision`, { decision, ...(reason && { reason }) });
      setDecision(undefined);
      setReason('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="primary" onClick={() => setDecision('APPROVE')}>
          {t('approve')}
        </Button>
        <Button onClick={() => setDecision('REJECT')}>{t('reject')}</Button>
        <Button onClick={() => setDecision('REQUEST_AMENDMENT')}>{t('amend')}</Button>
      </SpaceBetween>
      <ActionModal
        visible={decision !== undefined}
        onDismiss={() => setDecision(undefined)}
        header={`${decision} · ${review.call.vesselName}`}
        action={t('confirm')}
        onAction={decide}
      >
        <FormField label={t('reason')} errorText={error}>
          <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} ariaLabel={t('reason')} />
        </FormField>
      </ActionModal>
    </>
  );
}

export function Reviews() {
  const { t } = useT();
  const [refresh, setRefresh] = useState(0);
  const { data, error, loading } = useLoad(() => api('GET', '/v1/reviews'), [refresh]);
  return (
    <Table
      header={
        <Header variant="h1" counter={`(${data?.items?.length ?? 0})`}>
          {t('reviews')}
        </Header>
      }
      loading={loading && !data}
      loadingText={t('loading')}
      items={data?.items ?? []}
      empty={
        error ? (
          <StatusIndicator type="error">{error}</StatusIndicator>
        ) : (
          <Box color="text-status-inactive">{t('noReviews')}</Box>
        )
      }
      columnDefinitions={[
        {
          id: 'vessel',
          header: t('vessel'),
          cell: (r: any) => (
            <Link href={`#/calls/${r.callId}`}>
              {r.call.vesselName} ({r.kind.toLowerCase()})
            </Link>
          ),
        },
        {
          id: 'reasons',
          header: t('reasons'),
          cell: (r: any) => r.reasons.map((x: any) => `${x.code}${x.personRef ? ` ${x.personRef}` : ''}`).join(', '),
        },
        { id: 'deadline', header: t('deadline'), cell: (r: any) => new Date(r.deadline).toLocaleString() },
        {
          id: 'decide',
          header: '',
          cell: (r: any) => <DecisionButtons review={r} onDone={() => setRefresh((n) => n + 1)} />,
        },
      ]}
    />
  );
}
