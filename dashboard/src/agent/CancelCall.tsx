// Cancelling a call the lifecycle still lets the agent cancel (before the arrival is cleared),
// asked for in a dialog that names the ship, with an optional reason for the port.
import { Button, FormField, Textarea } from '@cloudscape-design/components';
import { useState } from 'react';
import { allows } from '../../../functions/calls/lifecycle.ts';
import { api } from '../api';
import { ActionModal } from '../ui/ActionModal';
import { flash } from '../ui/flash';
import type { AgentCall } from './status';
import { useWords } from './use-words';

export function CancelCall({ call, onCancelled }: { call: AgentCall; onCancelled: () => void }) {
  const { w } = useWords();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  if (!allows(call.status, 'CANCEL')) return null;
  const cancel = async () => {
    setSending(true);
    try {
      await api('POST', `/v1/calls/${call.callId}/cancel`, reason.trim() ? { reason: reason.trim() } : {});
      flash('success', w('cancelled'), `${call.vessel.name} · ${call.voyage}`);
      setOpen(false);
      onCancelled();
    } catch (error) {
      flash('error', w('cancelCall'), (error as Error).message);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button onClick={() => (setReason(''), setOpen(true))}>{w('cancelCall')}</Button>
      <ActionModal
        visible={open}
        header={`${w('cancelCall')} · ${call.vessel.name} ${call.voyage}`}
        action={w('cancelCall')}
        loading={sending}
        onAction={() => void cancel()}
        onDismiss={() => setOpen(false)}
      >
        <FormField label={w('optionalField', { label: w('why') })}>
          <Textarea value={reason} onChange={({ detail }) => setReason(detail.value)} />
        </FormField>
      </ActionModal>
    </>
  );
}
