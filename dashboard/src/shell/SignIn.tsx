// Signing in: the embedded runtime's development sign-in (a role and a port, or an agent's
// agency), or on AWS the button that sends the officer or agent to the user pool's hosted page.
import {
  Box,
  Button,
  Container,
  FormField,
  Header,
  Input,
  Select,
  SpaceBetween,
  StatusIndicator,
} from '@cloudscape-design/components';
import { useState } from 'react';
import { type Session, currentConfig, saveSession } from '../api';
import { devSignIn, startSignIn } from '../auth';
import { ROLE, say } from '../catalogue';
import { useT } from '../i18n';

export function CognitoSignIn({ error }: { error?: string }) {
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

export function DevSignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t, lang } = useT();
  const [role, setRole] = useState<Session['role']>('officer');
  const [port, setPort] = useState('CNTXG');
  const [agentId, setAgentId] = useState('ACME-SHIPPING');
  const [error, setError] = useState<string | undefined>();
  const option = (r: Session['role']) => ({ value: r, label: say(ROLE, r, lang) });
  return (
    <Box padding="xxl">
      <main>
        <Container
          header={
            <Header variant="h1" description={t('devSignIn')}>
              {t('title')}
            </Header>
          }
        >
          <SpaceBetween size="m">
            <FormField label={t('role')}>
              <Select
                selectedOption={option(role)}
                onChange={({ detail }) => setRole(detail.selectedOption.value as Session['role'])}
                options={[option('officer'), option('supervisor'), option('agent')]}
              />
            </FormField>
            {role === 'agent' ? (
              <FormField label={t('agentId')}>
                <Input value={agentId} onChange={({ detail }) => setAgentId(detail.value.toUpperCase())} />
              </FormField>
            ) : (
              <FormField label={t('port')}>
                <Input value={port} onChange={({ detail }) => setPort(detail.value.toUpperCase())} />
              </FormField>
            )}
            {error && <StatusIndicator type="error">{error}</StatusIndicator>}
            <Button
              variant="primary"
              onClick={() =>
                devSignIn(role, port, agentId).then(
                  (s) => (saveSession(s), onSignedIn(s)),
                  (e: Error) => setError(e.message),
                )
              }
            >
              {t('signIn')}
            </Button>
          </SpaceBetween>
        </Container>
      </main>
    </Box>
  );
}
