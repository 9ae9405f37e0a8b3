// Taking and resolving a gangway alert, each through a dialog that says what it does; resolving
// asks how, and checks there is an answer before sending. Both end with a flash.
import { Button, FormField, SpaceBetween, Textarea } from '@cloudscape-design/components';
import { useState } from 'react';
import { api } from '../api';
import { ALERT_RULE, say } from '../catalogue';
import { useT } from '../i18n';
import { ActionModal } from '../ui/ActionModal';
import { flash } from '../ui/flash';

export interface AlertToAct {
  alertId: string;
  rule: string;
  status: string;
  vesselName: string;
  personRef?: string;
}

export function AlertActions({ alert, onDone }: { alert: AlertToAct; onDone: () => void }) {
  const { t, lang } = useT();
  const [open, setOpen] = useState<'ack' | 'resolve' | undefined>();
  const [resolution, setResolution] = useState('');
  const [tried, setTried] = useState(false);
  const what = `${say(ALERT_RULE, alert.rule, lang)} · ${alert.personRef ?? ''} · ${alert.vesselName}`;
  const start = (action: 'ack' | 'resolve') => {
    setResolution('');
    setTried(false);
    setOpen(action);
  };
  const send = async () => {
    setTried(true);
    if (open === 'resolve' && !resolution.trim()) return;
    const action = open;
    setOpen(undefined);
    try {
      await api('POST', `/v1/alerts/${alert.alertId}/${action}`, action === 'resolve' ? { resolution } : undefined);
      flash('success', `${t(action === 'ack' ? 'acknowledged' : 'resolved')}: ${what}`);
      onDone();
    } catch (e) {
      flash('error', `${t('actionFailed')}: ${what}`, (e as Error).message);
    }
  };
  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        {alert.status === 'OPEN' && (
          <Button ariaLabel={`${t('acknowledge')}: ${what}`} onClick={() => start('ack')}>
            {t('acknowledge')}
          </Button>
        )}
        {alert.status !== 'RESOLVED' && (
          <Button ariaLabel={`${t('resolve')}: ${what}`} onClick={() => start('resolve')}>
            {t('resolve')}
          </Button>
        )}
      </SpaceBetween>
      <ActionModal
        visible={open === 'ack'}
        header={`${t('acknowledge')} · ${what}`}
        action={t('acknowledge')}
        onAction={send}
        onDismiss={() => setOpen(undefined)}
      >
        {t('acknowledgeHint')}
      </ActionModal>
      <ActionModal
        visible={open === 'resolve'}
        header={`${t('resolve')} · ${what}`}
        action={t('resolve')}
        onAction={send}
        onDismiss={() => setOpen(undefined)}
      >
        <FormField
          label={t('resolution')}
          errorText={tried && !resolution.trim() ? t('resolutionRequired') : undefined}
        >
          <Textarea
            value={resolution}
            onChange={({ detail }) => setResolution(detail.value)}
            ariaLabel={t('resolution')}
          />
        </FormField>
      </ActionModal>
    </>
  );
}
