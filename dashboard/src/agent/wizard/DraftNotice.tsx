// Says where a declaration started from and that its draft stays in this browser, with a way to
// drop the draft and start again from what the page would start from.
import { Alert, Button } from '@cloudscape-design/components';
import { useWords } from '../use-words';
import { type Phase, dropDraft } from './draft';

export function DraftNotice({ callId, phase, notice }: { callId: string; phase: Phase; notice?: string }) {
  const { w } = useWords();
  return (
    <Alert
      type="info"
      action={
        <Button
          onClick={() => {
            dropDraft(callId, phase);
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
  );
}
