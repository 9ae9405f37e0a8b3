// The officers' dashboard: sign-in, navigation, and the pages, routed by the URL's hash.
import '@cloudscape-design/global-styles/index.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  AppLayout,
  Box,
  Button,
  Container,
  FormField,
  Header,
  Input,
  Select,
  SideNavigation,
  SpaceBetween,
  StatusIndicator,
  TopNavigation,
} from '@cloudscape-design/components';
import { type Session, currentConfig, loadConfig, loadSession, saveSession } from './api';
import { completeSignIn, devSignIn, signOut, startSignIn } from './auth';
import { setLang, useT } from './i18n';
import { Alerts } from './pages/Alerts';
import { CallPage } from './pages/CallPage';
import { Devices } from './pages/Devices';
import { Overview } from './pages/Overview';
import { Reviews } from './pages/Reviews';

function useHash() {
  const [hash, setHash] = useState(location.hash || '#/overview');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/overview');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function CognitoSignIn({ error }: { error?: string }) {
  const { t } = useT();
  const auth = currentConfig().auth;
  return (
    <Box padding="xxl">
      <Container
        header={
          <Header variant="h1" description={t('signInCognito')}>
            {t('title')}
          </Header>
        }
      >
        <SpaceBetween size="m">
          {error && <StatusIndicator type="error">{error}</StatusIndicator>}
          <Button variant="primary" onClick={() => auth.kind === 'cognito' && void startSignIn(auth)}>
            {t('signIn')}
          </Button>
        </SpaceBetween>
      </Container>
    </Box>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t } = useT();
  const [role, setRole] = useState<Session['role']>('officer');
  const [port, setPort] = useState('CNTXG');
  const [error, setError] = useState<string | undefined>();
  return (
    <Box padding="xxl">
      <Container
        header={
          <Header variant="h1" description="Development sign-in of the embedded runtime; Cognito on AWS.">
            {t('title')}
          </Header>
        }
      >
        <SpaceBetween size="m">
          <FormField label={t('role')}>
            <Select
              selectedOption={{ value: role, label: role }}
              onChange={({ detail }) => setRole(detail.selectedOption.value as Session['role'])}
              options={[
                { value: 'officer', label: 'officer' },
                { value: 'supervisor', label: 'supervisor' },
              ]}
            />
          </FormField>
          <FormField label={t('port')}>
            <Input value={port} onChange={({ detail }) => setPort(detail.value.toUpperCase())} />
          </FormField>
          {error && <StatusIndicator type="error">{error}</StatusIndicator>}
          <Button
            variant="primary"
            onClick={() =>
              devSignIn(role, port, '').then(
                (s) => (saveSession(s), onSignedIn(s)),
                (e: Error) => setError(e.message),
              )
            }
          >
            {t('signIn')}
          </Button>
        </SpaceBetween>
      </Container>
    </Box>
  );
}

function App({ signInError }: { signInError?: string }) {
  const { t, lang } = useT();
  const [session, setSession] = useState(loadSession());
  const hash = useHash();
  if (!session)
    return currentConfig().auth.kind === 'cognito' ? (
      <CognitoSignIn error={signInError} />
    ) : (
      <SignIn onSignedIn={setSession} />
    );
  const callMatch = /^#\/calls\/(C[0-9A-Z]+)/.exec(hash);
  const page = callMatch ? (
    <CallPage callId={callMatch[1]!} />
  ) : hash.startsWith('#/reviews') ? (
    <Reviews />
  ) : hash.startsWith('#/alerts') ? (
    <Alerts />
  ) : hash.startsWith('#/devices') ? (
    <Devices />
  ) : (
    <Overview />
  );
  return (
    <>
      <TopNavigation
        identity={{ href: '#/overview', title: t('title') }}
        utilities={[
          {
            type: 'button',
            text: lang === 'en' ? '中文' : 'English',
            onClick: () => setLang(lang === 'en' ? 'zh' : 'en'),
          },
          { type: 'button', text: `${session.role} · ${session.port ?? ''}` },
          { type: 'button', text: t('signOut'), onClick: () => (signOut(currentConfig()), setSession(undefined)) },
        ]}
      />
      <AppLayout
        navigationWidth={220}
        toolsHide
        navigation={
          <SideNavigation
            activeHref={callMatch ? '#/overview' : hash}
            items={[
              { type: 'link', text: t('overview'), href: '#/overview' },
              { type: 'link', text: t('reviews'), href: '#/reviews' },
              { type: 'link', text: t('alerts'), href: '#/alerts' },
              ...(session.role === 'supervisor'
                ? [{ type: 'link' as const, text: t('devices'), href: '#/devices' }]
                : []),
            ]}
          />
        }
        content={page}
      />
    </>
  );
}

// Where the API is and how to sign in come from /config.json; a return from the hosted sign-in
// page is completed before the first render.
const root = createRoot(document.getElementById('root')!);
loadConfig()
  .then((config) => completeSignIn(config))
  .then(
    () => undefined,
    (error: Error) => error.message,
  )
  .then((signInError) =>
    root.render(
      <StrictMode>
        <App signInError={signInError} />
      </StrictMode>,
    ),
  );
