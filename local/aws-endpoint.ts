// A loopback endpoint that speaks the AWS JSON protocol for the few Step Functions and EventBridge
// calls the handlers make, so they use the real SDK clients unchanged. It only answers requests
// signed with this run's own access key, and never listens beyond 127.0.0.1. The clients of this
// process skip the socket and the signature: `requestHandler` answers them in-process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import type { LocalEventBus } from './bus.ts';
import { type Invoker, accessDenied, allows, currentInvoker, invokerOf, recordUse } from './grants.ts';
import { type LocalStepFunctions, SfnError } from './workflows/runner.ts';

type Body = Record<string, unknown>;

export interface AwsEndpoint {
  url: string;
  /** An SDK request handler answering this process's clients without a socket. */
  requestHandler: { handle(request: HttpRequest): Promise<{ response: HttpResponse }> };
  close(): Promise<void>;
}

export async function startAwsEndpoint(deps: {
  stepFunctions: LocalStepFunctions;
  bus: LocalEventBus;
  accessKeyId: string;
}): Promise<AwsEndpoint> {
  const { stepFunctions: sfn, bus } = deps;

  const operations: Record<string, (body: Body) => Body> = {
    'AWSStepFunctions.StartExecution': (b) => {
      const record = sfn.startExecution(
        String(b.stateMachineArn),
        b.name as string | undefined,
        String(b.input ?? '{}'),
      );
      return { executionArn: record.executionArn, startDate: record.startDate.getTime() / 1000 };
    },
    'AWSStepFunctions.DescribeExecution': (b) => {
      const r = sfn.describeExecution(String(b.executionArn));
      return {
        executionArn: r.executionArn,
        stateMachineArn: r.stateMachineArn,
        name: r.name,
        status: r.status,
        input: r.input,
        startDate: r.startDate.getTime() / 1000,
        ...(r.stopDate && { stopDate: r.stopDate.getTime() / 1000 }),
        ...(r.output !== undefined && { output: r.output }),
        ...(r.error && { error: r.error, cause: r.cause }),
      };
    },
    'AWSStepFunctions.StopExecution': (b) => {
      sfn.stopExecution(String(b.executionArn));
      return { stopDate: Date.now() / 1000 };
    },
    'AWSStepFunctions.SendTaskSuccess': (b) => {
      sfn.sendTaskSuccess(String(b.taskToken), String(b.output));
      return {};
    },
    'AWSStepFunctions.SendTaskFailure': (b) => {
      sfn.sendTaskFailure(String(b.taskToken), b.error as string | undefined, b.cause as string | undefined);
      return {};
    },
    'AWSEvents.PutEvents': (b) => {
      const entries = (b.Entries as Body[] | undefined) ?? [];
      const results = entries.map((entry) => {
        let detail: Record<string, unknown> = {};
        try {
          detail = JSON.parse(String(entry.Detail ?? '{}'));
        } catch {
          return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' };
        }
        const event = bus.publish({ source: String(entry.Source), detailType: String(entry.DetailType), detail });
        return { EventId: event.id };
      });
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    },
  };

  const contentTypeOf = (target: string) =>
    target.startsWith('AWSEvents') ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';

  // `invoker` is the function calling (its rights decide, as IAM would); none for the runtime itself.
  function answer(target: string, raw: string, invoker: Invoker | undefined): { status: number; body: Body } {
    const operation = operations[target];
    if (!operation)
      return { status: 400, body: { __type: 'UnknownOperationException', message: `Not emulated: ${target}` } };
    try {
      const body = raw ? (JSON.parse(raw) as Body) : {};
      const action = iamAction(target);
      if (invoker && !allows(invoker.grants, action)) {
        return { status: 400, body: accessDenied(invoker, action, resourceOf(body)) };
      }
      if (invoker) recordUse(invoker, action);
      return { status: 200, body: operation(body) };
    } catch (error) {
      if (error instanceof SfnError) return { status: 400, body: { __type: error.type, message: error.message } };
      return { status: 500, body: { __type: 'InternalFailure', message: (error as Error).message } };
    }
  }

  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = String(req.headers['x-amz-target'] ?? '');
    const reply = (status: number, body: Body) => {
      res.writeHead(status, { 'content-type': contentTypeOf(target) });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!String(req.headers.authorization ?? '').includes(`Credential=${deps.accessKeyId}/`)) {
      return reply(403, {
        __type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid',
      });
    }
    const { status, body } = answer(target, Buffer.concat(chunks).toString('utf8'), invokerOf(req));
    reply(status, body);
  }

  const requestHandler: AwsEndpoint['requestHandler'] = {
    async handle(request) {
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = request.body as string | Uint8Array | undefined;
      const raw =
        body instanceof Uint8Array
          ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
          : String(body ?? '');
      const out = answer(target, raw, currentInvoker());
      return {
        response: {
          statusCode: out.status,
          headers: { 'content-type': contentTypeOf(target) },
          body: Buffer.from(JSON.stringify(out.body)),
        },
      };
    },
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requestHandler,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `AWSStepFunctions.StartExecution` → `states:StartExecution`, as IAM names it. */
function iamAction(target: string): string {
  const [service, operation] = target.split('.') as [string, string];
  return `${service === 'AWSEvents' ? 'events' : 'states'}:${operation}`;
}

function resourceOf(body: Body): string {
  if (typeof body.stateMachineArn === 'string') return body.stateMachineArn;
  if (typeof body.executionArn === 'string') return body.executionArn;
  const bus = (body.Entries as Body[] | undefined)?.[0]?.EventBusName;
  if (typeof bus === 'string') return `arn:aws:events:local:000000000000:event-bus/${bus}`;
  return 'arn:aws:states:local:000000000000:stateMachine:*';
}
