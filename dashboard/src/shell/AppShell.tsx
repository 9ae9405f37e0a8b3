// The frame around every page: a skip link, the top bar (language, who is signed in, sign-out —
// reachable from a labelled menu on a phone), the live state, messages, and the section's pages.
import { AppLayout, SideNavigation, TopNavigation } from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { ROLE, say } from '../catalogue';
import type { Session } from '../config';
import { setLang, useT } from '../i18n';
import { Flashes } from '../ui/flash';
import { LiveState } from './LiveState';
import type { Section } from './section';

function useHash(home: string) {
  const [hash, setHash] = useState(location.hash || home);
  useEffect(() => {
    const on = () => {
      setHash(location.hash || home);
      // On moving to another page, focus goes to its content, for keyboard and screen readers (the
      // first page leaves focus at the top, where the skip link is).
      requestAnimationFrame(() => document.getElementById('main-content')?.focus({ preventScroll: true }));
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, [home]);
  return hash;
}

function SkipLink() {
  const { t } = useT();
  return (
    // A button, not a link: the hash routes pages, so it moves focus rather than the address.
    <button type="button" className="skip-link" onClick={() => document.getElementById('main-content')?.focus()}>
      {t('skipToMain')}
    </button>
  );
}

export function AppShell({
  session,
  sections,
  onSignOut,
}: {
  session: Session;
  sections: Section[];
  onSignOut: () => void;
}) {
  const { t, lang } = useT();
  const mine = sections.filter((s) => s.roles.includes(session.role));
  const hash = useHash(mine[0]?.home ?? '#/');
  const page = mine.map((s) => s.page(hash)).find(Boolean) ?? mine[0]?.page(mine[0].home);
  const [navOpen, setNavOpen] = useState(true);

  const other = lang === 'en' ? 'zh' : 'en';
  // An officer works for a port, an agent for its agency.
  const where = session.port ?? session.agentId ?? '';
  return (
    <>
      <SkipLink />
      <div id="top-navigation">
        <TopNavigation
          identity={{ href: mine[0]?.home ?? '#/', title: t('title') }}
          i18nStrings={{ overflowMenuTriggerText: t('menu'), overflowMenuTitleText: t('menu') }}
          utilities={[
            {
              type: 'button',
              text: other === 'zh' ? '中文' : 'English',
              ariaLabel: `${t('language')}: ${other === 'zh' ? '中文' : 'English'}`,
              onClick: () => setLang(other),
            },
            {
              type: 'menu-dropdown',
              iconName: 'user-profile',
              text: `${say(ROLE, session.role, lang)} · ${where}`,
              description: `${t('signedInAs')} ${say(ROLE, session.role, lang)} · ${where}`,
              items: [{ id: 'sign-out', text: t('signOut') }],
              onItemClick: ({ detail }) => detail.id === 'sign-out' && onSignOut(),
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-navigation"
        navigationWidth={220}
        // A wall display uses its whole width: the shift board lays its panels side by side.
        maxContentWidth={Number.MAX_VALUE}
        navigationOpen={navOpen}
        onNavigationChange={({ detail }) => setNavOpen(detail.open)}
        toolsHide
        breadcrumbs={<LiveState />}
        notifications={<Flashes />}
        ariaLabels={{ navigation: t('navigation'), navigationToggle: t('navigation'), navigationClose: t('cancel') }}
        navigation={
          <SideNavigation
            activeHref={page?.navHref ?? hash}
            header={{ href: mine[0]?.home ?? '#/', text: where || t('title') }}
            items={mine.flatMap((s) =>
              s.nav
                .filter((n) => !n.roles || n.roles.includes(session.role))
                .map((n) => ({ type: 'link' as const, text: t(n.label), href: n.href })),
            )}
          />
        }
        content={
          <div id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
            {page?.node}
          </div>
        }
      />
    </>
  );
}
