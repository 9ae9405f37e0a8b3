// Supervisors: register, assign, rotate and retire the gangway devices of their port. A new or
// rotated key is shown once, here, and never again.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Container,
  FormField,
  Header,
  Input,
  Select,
  SpaceBetween,
  StatusIndicator,
  Table,
} from '@cloudscape-design/components';
import { DEVICE_KIND, DEVICE_STATUS, STATUS, say } from '../catalogue';
import { ActionModal } from '../ui/ActionModal';
import { LoadError } from '../ui/LoadError';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';

/** Calls a device can serve: cleared for arrival and not yet sailed. */
const ASSIGNABLE = ['ARRIVAL_CLEARED', 'IN_PORT', 'DEPARTURE_SUBMITTED', 'DEPARTURE_CLEARED'];

export function Devices() {
  const { t, lang } = useT();
  const [refresh, setRefresh] = useState(0);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState('FACE');
  const [shownKey, setShownKey] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [assigning, setAssigning] = useState<any>();
  const [callId, setCallId] = useState<string | undefined>();
  const [retiring, setRetiring] = useState<any>();
  const devices = useLoad(() => api('GET', '/v1/devices'), [refresh]);
  const calls = useLoad(async () => {
    const pages = await Promise.all(ASSIGNABLE.map((status) => api('GET', `/v1/calls?status=${status}&limit=100`)));
    return pages.flatMap((p) => p.items);
  }, [refresh]);
  const vesselOf = new Map<string, string>(
    (calls.data ?? []).map((c: any) => [c.callId, `${c.vessel.name} · ${c.voyage}`]),
  );
  const run = async (work: () => Promise<any>) => {
    setError(undefined);
    try {
      const out = await work();
      setShownKey(out?.key ? `${out.deviceId}: ${out.key}` : undefined);
      setRefresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h1">{t('devices')}</Header>}>
        <SpaceBetween size="s">
          <SpaceBetween direction="horizontal" size="s">
            <FormField label={t('label')}>
              <Input
                value={label}
                onChange={({ detail }) => setLabel(detail.value)}
                placeholder={t('labelPlaceholder')}
              />
            </FormField>
            <FormField label={t('kind')}>
              <Select
                selectedOption={{ value: kind, label: say(DEVICE_KIND, kind, lang) }}
                onChange={({ detail }) => setKind(detail.selectedOption.value!)}
                options={['FACE', 'CARD', 'FACE_AND_CARD'].map((k) => ({ value: k, label: say(DEVICE_KIND, k, lang) }))}
              />
            </FormField>
            <FormField label={'\u00a0'}>
              <Button
                variant="primary"
                disabled={!label}
                onClick={() => run(() => api('POST', '/v1/devices', { label, kind })).then(() => setLabel(''))}
              >
                {t('register')}
              </Button>
            </FormField>
          </SpaceBetween>
          {shownKey && (
            <Alert type="warning" header={t('keyOnce')}>
              <code>{shownKey}</code>
            </Alert>
          )}
          {error && <StatusIndicator type="error">{error}</StatusIndicator>}
        </SpaceBetween>
      </Container>
      <LoadError what={t('devices')} loaded={devices} />
      <Table
        header={<Header counter={`(${devices.data?.items.length ?? 0})`}>{t('devices')}</Header>}
        items={devices.data?.items ?? []}
        loading={devices.loading && !devices.data}
        empty={<Box color="text-status-inactive">{t('noDevices')}</Box>}
        columnDefinitions={[
          { id: 'label', header: t('label'), cell: (d: any) => d.label },
          {
            id: 'status',
            header: t('status'),
            cell: (d: any) => (
              <StatusIndicator type={d.status === 'ACTIVE' ? 'success' : 'stopped'}>
                {say(DEVICE_STATUS, d.status, lang)}
              </StatusIndicator>
            ),
          },
          {
            id: 'call',
            header: t('vessel'),
            cell: (d: any) => (d.callId ? (vesselOf.get(d.callId) ?? d.callId) : '—'),
          },
          { id: 'key', header: t('key'), cell: (d: any) => String(d.keyVersion) },
          {
            id: 'act',
            header: t('action'),
            cell: (d: any) =>
              d.status === 'ACTIVE' && (
                <SpaceBetween direction="horizontal" size="xs">
                  {d.callId ? (
                    <Button onClick={() => run(() => api('POST', `/v1/devices/${d.deviceId}/unassign`))}>
                      {t('unassign')}
                    </Button>
                  ) : (
                    <Button onClick={() => (setCallId(undefined), setAssigning(d))}>{t('assign')}</Button>
                  )}
                  <Button onClick={() => run(() => api('POST', `/v1/devices/${d.deviceId}/rotate-key`))}>
                    {t('rotate')}
                  </Button>
                  <Button onClick={() => setRetiring(d)}>{t('retire')}</Button>
                </SpaceBetween>
              ),
          },
        ]}
      />
      <ActionModal
        visible={!!assigning}
        onDismiss={() => setAssigning(undefined)}
        header={`${t('assign')} · ${assigning?.label ?? ''}`}
        action={t('assign')}
        disabled={!callId}
        onAction={() => (
          setAssigning(undefined), run(() => api('POST', `/v1/devices/${assigning.deviceId}/assign`, { callId }))
        )}
      >
        <FormField label={t('vessel')}>
          <Select
            selectedOption={callId ? { value: callId, label: vesselOf.get(callId) ?? callId } : null}
            onChange={({ detail }) => setCallId(detail.selectedOption.value)}
            options={(calls.data ?? []).map((c: any) => ({
              value: c.callId,
              label: `${c.vessel.name} · ${c.voyage}`,
              description: say(STATUS, c.status, lang),
            }))}
            empty={t('noCallsToAssign')}
            placeholder={t('chooseCall')}
            filteringType="auto"
          />
        </FormField>
      </ActionModal>
      <ActionModal
        visible={!!retiring}
        onDismiss={() => setRetiring(undefined)}
        header={`${t('retire')} · ${retiring?.label ?? ''}`}
        action={t('retire')}
        onAction={() => (setRetiring(undefined), run(() => api('DELETE', `/v1/devices/${retiring.deviceId}`)))}
      >
        {t('retireHint')}
      </ActionModal>
    </SpaceBetween>
  );
}
