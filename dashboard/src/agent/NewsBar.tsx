// The notifications of the agent's calls where the agent works: a message at the top of its pages
// with the newest news and a way to all of it.
import { Button, Flashbar } from '@cloudscape-design/components';
import { ACTION, STATUS, say } from '../catalogue';
import type { Notice } from './notifications';
import { useWords } from './use-words';

/** "Risk assessed → Declared, being checked"; the status left out where the action says it already. */
export function actionText(action: string, toStatus: string | undefined, lang: 'en' | 'zh'): string {
  const did = say(ACTION, action, lang);
  const now = toStatus ? say(STATUS, toStatus, lang) : undefined;
  // "Cleared to arrive → Cleared to arrive", "准予入境 → 已准予入境": said once.
  return now && !now.includes(did) && !did.includes(now) ? `${did} → ${now}` : did;
}

export function noticeText(n: Notice, lang: 'en' | 'zh'): string {
  return `${n.vessel} ${n.voyage}: ${actionText(n.action, n.toStatus, lang)}${n.reason ? ` (${n.reason})` : ''}`;
}

export function NewsBar({ notices }: { notices: readonly Notice[] }) {
  const { w, lang } = useWords();
  if (!notices.length) return null;
  return (
    <Flashbar
      items={[
        {
          id: 'news',
          type: 'info',
          header: `${w('notifications')}: ${w('newCount', { n: notices.length })}`,
          content: noticeText(notices[0]!, lang),
          action: <Button href="#/notifications">{w('seeAll')}</Button>,
        },
      ]}
    />
  );
}
