// A clearance that failed (a check kept failing after its retries): what went wrong, and the
// officer's re-drive once the cause is fixed.
import { useState } from 'react';
import { Alert, Button, FormField, Textarea } from '@cloudscape-design/components';
import { ActionModal } from '../ui/ActionModal';
import { api } from '../api';
import { useT } from '../i18n';

export function FailedClearance({
  callId,
  kind,
  error,
  onDone,
}: {
  callId: string;
  kind: 'arrival' | 'departure';
  error?: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const redrive = async () => {
    try {
      await api('POST', `/v1/calls/${callId}/clearances/${kind}/redrive`, { reason });
      setOpen(false);
      onDone();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <Alert
      type="error"
      header={`${t(kind)}: ${t('clearanceFailed')}`}
      action={<Button onClick={() => setOpen(true)}>{t('redrive')}</Button>}
    >
      {error ?? '—'} · {t('redriveHint')}
      <ActionModal
        visible={open}
        onDismiss={() => setOpen(false)}
        header={`${t('redrive')} · ${t(kind)}`}
        action={t('redrive')}
        disabled={!reason.trim()}
        onAction={redrive}
      >
        <FormField label={t('reason')} errorText={problem}>
          <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} ariaLabel={t('reason')} />
        </FormField>
      </ActionModal>
    </Alert>
  );
}
