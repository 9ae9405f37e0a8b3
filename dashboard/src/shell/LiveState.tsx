// Whether what the page shows is live: the stream is open, is coming back, or the page polls.
import { StatusIndicator } from '@cloudscape-design/components';
import { useT } from '../i18n';
import { useConnection, useLive } from '../live';

export function LiveState() {
  const { t } = useT();
  // Subscribing keeps the stream open while the shell is shown.
  useLive();
  const connection = useConnection();
  return (
    <span role="status" aria-live="polite" data-testid="live-state">
      {connection === 'live' ? (
        <StatusIndicator type="success">{t('liveOn')}</StatusIndicator>
      ) : connection === 'reconnecting' ? (
        <StatusIndicator type="loading">{t('liveReconnecting')}</StatusIndicator>
      ) : (
        <StatusIndicator type="info">{t('livePolling')}</StatusIndicator>
      )}
    </span>
  );
}
