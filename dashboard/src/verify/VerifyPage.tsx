// The public page a printed permit's QR code opens: whether the permit stands, for which vessel and
// port. No sign-in, in both languages at once (whoever scans may read either), nothing personal.
import {
  Alert,
  Box,
  Container,
  ContentLayout,
  Header,
  KeyValuePairs,
  SpaceBetween,
  Spinner,
  StatusIndicator,
} from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { PERMIT_STATUS } from '../catalogue';

/** The verification code in a `/verify/{code}` path, or undefined for any other page. */
export function verifyCodeOf(pathname: string): string | undefined {
  const m = /^\/verify\/([^/]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

interface Verification {
  valid: boolean;
  status: keyof typeof TONE;
  kind: 'arrival' | 'departure';
  version: number;
  vesselName: string;
  imo: string;
  port: string;
  issuedAt: string;
}

const TONE = { VALID: 'success', SUSPENDED: 'warning', SUPERSEDED: 'stopped', REVOKED: 'error' } as const;
const KIND = { arrival: '入境 · Arrival', departure: '出境 · Departure' } as const;
const both = (zh: string, en: string) => `${zh} · ${en}`;

export function VerifyPage({ code }: { code: string }) {
  const [state, setState] = useState<{ result?: Verification; missing?: boolean; error?: string }>({});
  useEffect(() => {
    api<Verification>('GET', `/v1/permits/verify/${encodeURIComponent(code)}`).then(
      (result) => setState({ result }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && (error.status === 404 || error.status === 400)
            ? { missing: true }
            : { error: (error as Error).message },
        ),
    );
  }, [code]);
  const { result } = state;
  return (
    <Box padding="l">
      <ContentLayout header={<Header variant="h1">{both('许可证核验', 'Permit verification')}</Header>}>
        <Container header={<Header variant="h2">{code}</Header>}>
          {state.missing ? (
            <Alert type="error" header={both('无此许可证', 'No such permit')}>
              {both('此核验码不属于任何已签发的许可证。', 'This code belongs to no permit that was issued.')}
            </Alert>
          ) : state.error ? (
            <Alert type="error" header={both('无法核验', 'Could not verify')}>
              {state.error}
            </Alert>
          ) : !result ? (
            <Spinner size="large" />
          ) : (
            <SpaceBetween size="l">
              <Box variant="p" fontSize="heading-l" fontWeight="bold">
                <StatusIndicator type={TONE[result.status]}>
                  <span data-testid="permit-status">{result.status}</span>
                  {` · ${PERMIT_STATUS[result.status]!.zh} · ${PERMIT_STATUS[result.status]!.en}`}
                </StatusIndicator>
              </Box>
              <KeyValuePairs
                columns={2}
                items={[
                  { label: both('许可类别', 'Kind'), value: KIND[result.kind] },
                  { label: both('船名', 'Vessel'), value: result.vesselName },
                  { label: 'IMO', value: result.imo },
                  { label: both('港口', 'Port'), value: result.port },
                  { label: both('申报版本', 'Declaration version'), value: String(result.version) },
                  {
                    label: both('签发时间', 'Issued at'),
                    value: `${result.issuedAt.slice(0, 16).replace('T', ' ')} UTC`,
                  },
                ]}
              />
            </SpaceBetween>
          )}
        </Container>
      </ContentLayout>
    </Box>
  );
}
