// API Gateway HTTP API (payload v2) events for calling handlers directly in unit tests.
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';

export function httpEvent(options: {
  method?: string;
  path?: string;
  body?: unknown;
  claims?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { method = 'GET', path = '/', body, claims, pathParameters, query, headers = {} } = options;
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    ...(query && { queryStringParameters: query }),
    ...(pathParameters && { pathParameters }),
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      accountId: '1',
      apiId: 'api',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      authorizer: { jwt: { claims: claims ?? {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export const agentClaims = (agentId = 'ACME-SHIPPING') => ({
  sub: `agent-${agentId}`,
  'cognito:groups': '[agents]',
  'custom:agent_id': agentId,
});

export const officerClaims = (port = 'CNTXG') => ({
  sub: `officer-${port}`,
  'cognito:groups': '[officers]',
  'custom:port': port,
});

export const context = {
  functionName: 'test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;
