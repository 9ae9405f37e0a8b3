// The dashboard: sign-in, then the app shell with the sections the signed-in role may use; every
// Cloudscape component speaks the chosen language through its own i18n provider.
import '@cloudscape-design/global-styles/index.css';
import './shell/shell.css';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import en from '@cloudscape-design/components/i18n/messages/all.en';
import zhCN from '@cloudscape-design/components/i18n/messages/all.zh-CN';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { currentConfig, loadConfig, loadSession } from './api';
import { completeSignIn, signOut } from './auth';
import { useT } from './i18n';
import { agentSection } from './agent/section';
import { officerSection } from './officer/section';
import { AppShell } from './shell/AppShell';
import { CognitoSignIn, DevSignIn } from './shell/SignIn';
import { VerifyPage, verifyCodeOf } from './verify/VerifyPage';

const SECTIONS = [officerSection, agentSection];

function App({ signInError }: { signInError?: string }) {
  const { locale } = useT();
  const [session, setSession] = useState(loadSession());
  return (
    <I18nProvider locale={locale} messages={[en, zhCN]}>
      {!session ? (
        currentConfig().auth.kind === 'cognito' ? (
          <CognitoSignIn error={signInError} />
        ) : (
          <DevSignIn onSignedIn={setSession} />
        )
      ) : (
        <AppShell
          session={session}
          sections={SECTIONS}
          onSignOut={() => (signOut(currentConfig()), setSession(undefined))}
        />
      )}
    </I18nProvider>
  );
}

// Where the API is and how to sign in come from /config.json; a return from the hosted sign-in
// page is completed before the first render.
const root = createRoot(document.getElementById('root')!);
const verifyCode = verifyCodeOf(location.pathname);
loadConfig()
  // The permit check is public: no sign-in, not even a hosted sign-in return to complete.
  .then((config) => (verifyCode ? undefined : completeSignIn(config)))
  .then(
    () => undefined,
    (error: Error) => error.message,
  )
  .then((signInError) =>
    root.render(
      <StrictMode>{verifyCode ? <VerifyPage code={verifyCode} /> : <App signInError={signInError} />}</StrictMode>,
    ),
  );
