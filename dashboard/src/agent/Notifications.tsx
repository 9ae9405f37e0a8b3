// Notifications: everything others did on the agent's calls since it last marked them seen.
import { Box, Button, Header, Link, SpaceBetween } from '@cloudscape-design/components';
import { portTimeZone } from '../../../functions/port/time-zone.ts';
import { portTime, relative } from '../time';
import { type Column, CollectionTable } from '../ui/CollectionTable';
import { LoadError } from '../ui/LoadError';
import { markAllSeen, useAgentCalls } from './calls';
import { actionText } from './NewsBar';
import type { Notice } from './notifications';
import { useWords } from './use-words';

export function Notifications() {
  const { w, lang } = useWords();
  const loaded = useAgentCalls();
  const notices = loaded.data?.notices ?? [];
  const columns: Column<Notice>[] = [
    {
      id: 'what',
      header: w('notifications'),
      cell: (n) => (
        <SpaceBetween size="xxxs">
          <Link href={`#/my-calls/${n.callId}`}>{`${n.vessel} ${n.voyage}`}</Link>
          <span>{actionText(n.action, n.toStatus, lang)}</span>
          {(n.reason || n.redacted) && (
            <Box variant="small" color="text-body-secondary">
              {n.reason ?? w('reasonHidden')}
            </Box>
          )}
        </SpaceBetween>
      ),
      filterText: (n) => `${n.vessel} ${n.voyage} ${actionText(n.action, n.toStatus, lang)} ${n.reason ?? ''}`,
    },
    {
      id: 'at',
      header: w('when'),
      cell: (n) => `${portTime(n.at, lang, true, portTimeZone(n.port))} · ${relative(n.at, lang)}`,
      sortValue: (n) => n.at,
    },
  ];
  return (
    <SpaceBetween size="m">
      <LoadError what={w('notifications')} loaded={loaded} />
      <CollectionTable
        items={notices}
        columns={columns}
        trackBy={(n) => n.id}
        loading={loaded.loading && !loaded.data}
        variant="full-page"
        sortedBy="at"
        descending
        ariaLabel={w('notifications')}
        header={
          <Header
            variant="h1"
            counter={`(${notices.length})`}
            description={w('notificationsHint')}
            actions={
              <Button disabled={!notices.length} onClick={() => markAllSeen(notices)}>
                {w('markSeen')}
              </Button>
            }
          >
            {w('notifications')}
          </Header>
        }
        empty={<Box textAlign="center">{w('noNotifications')}</Box>}
      />
    </SpaceBetween>
  );
}
