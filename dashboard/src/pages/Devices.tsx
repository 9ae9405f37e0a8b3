// Supervisors: register, assign, rotate and retire the gangway devices of their port.
import { useState } from 'react';
import { Alert, Box, Button, Container, FormField, Header, Input, Select, SpaceBetween, StatusIndicator, Table } from '@cloudscape-design/components';
import { api } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../live';

export function Devices() {
  const { t } = useT();
  const [refresh, setRefresh] = useState(0);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState('FACE');
  const [shownKey, setShownKey] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const devices = useLoad(() => api('GET', '/v1/devices'), [refresh]);
  const run = async (work: () => Promise<any>) => {
    setError(undefined);
    try {
      const out = await work();
      if (out?.key) setShownKey(`${out.deviceId}: ${out.key}`);
      setRefresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h1">{t('devices')}</Header>}>
        <SpaceBetween direction="horizontal" size="s">
          <FormField label={t('label')}>
            <Input value={label} onChange={({ detail }) => setLabel(detail.value)} placeholder="Terminal 5, gangway A" />
          </FormField>
          <FormField label="Kind">
            <Select selectedOption={{ value: kind, label: kind }} onChange={({ detail }) => setKind(detail.selectedOption.value!)} options={['FACE', 'CARD', 'FACE_AND_CARD'].map((k) => ({ value: k, label: k }))} />
          </FormField>
          <FormField label="&nbsp;">
            <Button variant="primary" disabled={!label} onClick={() => run(() => api('POST', '/v1/devices', { label, kind }))}>{t('register')}</Button>
          </FormField>
        </SpaceBetween>
        {shownKey && <Alert type="warning" header={t('keyOnce')}><code>{shownKey}</code></Alert>}
        {error && <StatusIndicator type="error">{error}</StatusIndicator>}
      </Container>
      <Table
        items={devices.data?.items ?? []}
        loading={devices.loading && !devices.data}
        empty={<Box color="text-status-inactive">{t('register')} ↑</Box>}
        columnDefinitions={[
          { id: 'label', header: t('label'), cell: (d: any) => d.label },
          { id: 'status', header: t('status'), cell: (d: any) => <StatusIndicator type={d.status === 'ACTIVE' ? 'success' : 'stopped'}>{d.status}</StatusIndicator> },
          { id: 'call', header: 'Call', cell: (d: any) => d.callId ?? '—' },
          { id: 'key', header: 'Key', cell: (d: any) => `v${d.keyVersion}` },
          {
            id: 'act',
            header: '',
            cell: (d: any) =>
              d.status === 'ACTIVE' && (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={() => { const callId = window.prompt('Call id'); if (callId) void run(() => api('POST', `/v1/devices/${d.deviceId}/assign`, { callId })); }}>{t('assign')}</Button>
                  <Button onClick={() => run(() => api('POST', `/v1/devices/${d.deviceId}/rotate-key`))}>{t('rotate')}</Button>
                  <Button onClick={() => run(() => api('DELETE', `/v1/devices/${d.deviceId}`))}>{t('retire')}</Button>
                </SpaceBetween>
              ),
          },
        ]}
      />
    </SpaceBetween>
  );
}
