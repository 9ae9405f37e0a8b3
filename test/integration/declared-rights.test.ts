// The embedded runtime grants each function what its table entry declares and nothing more, so a
// right missing from the route table fails here as AccessDenied would fail it on AWS.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import type { Grants } from '#shared/grants.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { invokeAs } from '#local/grants.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const NONE: Grants = { table: 'RO', events: false, workflows: [], deviceKeys: false };
const as = <T>(grants: Partial<Grants>, fn: () => Promise<T>) =>
  invokeAs({ name: 'probe', grants: { ...NONE, ...grants } }, fn);

let sys: TestSystem;
let agent: string;
let supervisor: string;

beforeAll(async () => {
  // The route table as it is, less two rights: submitting an arrival starts no workflow and
  // registering a device reads no device key.
  const routes = routeList.map((r) =>
    r.name === 'putArrival'
      ? { ...r, workflows: undefined }
      : r.name === 'createDevice'
        ? { ...r, deviceKeys: undefined }
        : r,
  );
  sys = await startTestSystem({ routes });
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => sys.stop());

describe('rights taken from the route table', () => {
  it('fail an arrival declaration whose route may not start the clearance, as AWS would', async () => {
    // Prepare
    const body = announcement();
    const created = await sys.request('POST', '/v1/calls', { token: agent, body });
    expect(created.status).toBe(201);
    // Act
    const res = await sys.request('PUT', `/v1/calls/${created.body.callId}/arrival`, {
      token: agent,
      body: declaration(body.eta),
      contract: false,
    });
    // Assess: no clearance started
    expect(res.status).toBe(500);
    expect(sys.runtime.stepFunctions.executions()).toEqual([]);
  });

  it('fail a device registration whose route may not read device keys, as AWS would', async () => {
    // Act
    const res = await sys.request('POST', '/v1/devices', {
      token: supervisor,
      body: { label: 'Berth 7 gangway', kind: 'FACE' },
      contract: false,
    });
    // Assess
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/secret|DEVICE_KEY/i);
  });
});

describe('the local AWS endpoints', () => {
  it('refuse a workflow start without the start right, with the AccessDenied AWS gives', async () => {
    const arn = Object.values(JSON.parse(process.env.WORKFLOW_ARNS!) as Record<string, string>)[0]!;
    const start = () => stepFunctions.start('arrival-clearance', 'rights-probe', { callId: 'X', version: 1 });
    await expect(as({ workflows: ['answer'] }, start)).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(`is not authorized to perform: states:StartExecution on resource: ${arn}`),
    });
  });

  it('refuse answering a task without the answer right', async () => {
    await expect(as({ workflows: ['start'] }, () => stepFunctions.succeed('token', {}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('states:SendTaskSuccess'),
    });
  });

  it('refuse publishing events without the events right, and take them with it', async () => {
    const event = { type: 'RightsProbe', detail: {} };
    await expect(as({}, () => eventBridgePublisher.publish([event]))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('events:PutEvents'),
    });
    await as({ events: true }, () => eventBridgePublisher.publish([event]));
    expect(sys.runtime.bus.recent().filter((e) => e.detailType === 'RightsProbe')).toHaveLength(1);
  });

  it('refuse a write to the table from a read-only function, and take it from a read-write one', async () => {
    const put = () =>
      documentClient().send(new PutCommand({ TableName: tableName(), Item: { pk: 'RIGHTS#probe', sk: 'A' } }));
    await expect(as({ table: 'RO' }, put)).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('dynamodb:PutItem'),
    });
    await expect(as({ table: 'RW' }, put)).resolves.toBeDefined();
  });

  it('show the device-key secret only to functions that declare it', async () => {
    await expect(as({ deviceKeys: true }, async () => process.env.DEVICE_KEY_SECRET)).resolves.toMatch(/.{32,}/);
    await expect(as({}, async () => process.env.DEVICE_KEY_SECRET)).resolves.toBeUndefined();
  });
});
