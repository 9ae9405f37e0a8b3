// The embedded Step Functions: runs the registry's ASL definitions with aws-local-stepfunctions,
// binds each Task state to its step handler in-process, and emulates `.waitForTaskToken`.
import { randomBytes, randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { TIMEOUT_SECONDS } from '#shared/grants.ts';
import { lambdaContext, withinTimeout } from '../lambda-context.ts';
import type { Context as LambdaContext } from 'aws-lambda';
import { type Definition, type TaskState, allStates, readPath, substitute, taskStates } from './definition.ts';

export type StepHandler = (event: unknown, context: LambdaContext) => Promise<unknown>;

export interface LocalWorkflow {
  name: string;
  /** The definition as written, with `${Placeholder}`s. */
  definition: string;
  /** Placeholder → the step handler behind it. */
  handlers: Record<string, StepHandler>;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  /** How many states were entered: what Step Functions bills as state transitions. */
  transitions: number;
  /** Task invocations (Lambda invocations on AWS) and the time spent in them. */
  tasks: number;
  taskMs: number;
  done: Promise<void>;
}

/** Errors named as Step Functions names them, so the SDK raises the same exception classes. */
export class SfnError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.name = type;
    this.type = type;
  }
}

const TOKEN_SENTINEL = '__LOCAL_TASK_TOKEN__';
const STATE_INPUT = '__stateInput.$';
/** Node timers overflow past 2^31 ms (about 24.8 days). */
const MAX_TIMER_SECONDS = 2_000_000;
const ACCOUNT = '000000000000';
const REGION = 'local';

interface Waiter {
  executionArn: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

export interface RunnerOptions {
  /** Wait this long between retries instead of the definition's backoff (tests, demos). */
  retryDelayMs?: number;
  /** The step functions' Lambda timeout; infra's (TIMEOUT_SECONDS.step) by default. */
  stepTimeoutMs?: number;
}

export class LocalStepFunctions {
  readonly options: RunnerOptions;
  constructor(options: RunnerOptions = {}) {
    this.options = options;
  }

  readonly #machines = new Map<
    string,
    { workflow: LocalWorkflow; machine: StateMachine; tasks: TaskState[]; retryOverrides: Record<string, number> }
  >();
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #waiters = new Map<string, Waiter>();
  readonly #aborts = new Map<string, () => void>();

  static arnOf(name: string): string {
    return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
  }

  /** Registers a workflow; refuses one with a Task state that has no handler. */
  register(workflow: LocalWorkflow): string {
    const raw = JSON.parse(workflow.definition) as Definition;
    const tasks = taskStates(raw);
    const unbound = tasks.filter((t) => !workflow.handlers[t.invocation.placeholder]).map((t) => t.name);
    if (unbound.length) {
      throw new Error(`Workflow ${workflow.name}: no step handler for ${unbound.join(', ')}`);
    }
    const fakeArns = Object.fromEntries(
      tasks.map((t) => [
        t.invocation.placeholder,
        `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${t.invocation.placeholder}`,
      ]),
    );
    const definition = JSON.parse(substitute(workflow.definition, fakeArns)) as Definition;
    // aws-local-stepfunctions reads TimeoutSecondsPath from the input after Parameters; AWS reads
    // it from the state input. Hand the state input to our binding and time the task there.
    const timed = new Set(tasks.filter((t) => t.timeoutPath).map((t) => t.name));
    for (const [name, state] of allStates(definition)) {
      if (!timed.has(name)) continue;
      delete state.TimeoutSecondsPath;
      state.TimeoutSeconds = MAX_TIMER_SECONDS;
      state.Parameters = { ...state.Parameters, [STATE_INPUT]: '$' };
    }
    const machine = new StateMachine(definition as never, { validationOptions: { checkPaths: true, checkArn: true } });
    const arn = LocalStepFunctions.arnOf(workflow.name);
    const retryOverrides: Record<string, number> = {};
    if (this.options.retryDelayMs !== undefined) {
      for (const [name, state] of allStates(raw)) {
        if (Array.isArray(state.Retry)) retryOverrides[name] = this.options.retryDelayMs;
      }
    }
    this.#machines.set(arn, { workflow, machine, tasks, retryOverrides });
    return arn;
  }

  startExecution(stateMachineArn: string, name: string | undefined, input: string): ExecutionRecord {
    const entry = this.#machines.get(stateMachineArn);
    if (!entry) throw new SfnError('StateMachineDoesNotExist', `State machine ${stateMachineArn} does not exist`);
    const executionName = name ?? randomUUID();
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(executionName)) {
      throw new SfnError('InvalidName', `Invalid execution name ${executionName}`);
    }
    let parsedInput: unknown;
    try {
      parsedInput = JSON.parse(input);
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Execution input must be JSON');
    }
    const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${entry.workflow.name}:${executionName}`;
    const existing = this.#executions.get(executionArn);
    if (existing) {
      // As on AWS: the same name and input while running is the same execution; otherwise a conflict.
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new SfnError('ExecutionAlreadyExists', `Execution ${executionName} already exists`);
    }

    const handlers = this.#localHandlers(executionArn, entry.workflow, entry.tasks, () => record);
    const startDate = new Date();
    const run = entry.machine.run(parsedInput as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: entry.retryOverrides },
      context: {
        Execution: { Id: executionArn, Name: executionName, Input: parsedInput, StartTime: startDate.toISOString() },
        StateMachine: { Id: stateMachineArn, Name: entry.workflow.name },
        Task: { Token: TOKEN_SENTINEL },
      } as never,
    });
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: executionName,
      input,
      status: 'RUNNING',
      startDate,
      transitions: 0,
      tasks: 0,
      taskMs: 0,
      done: Promise.resolve(),
    };
    this.#executions.set(executionArn, record);
    this.#aborts.set(executionArn, run.abort);
    void (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateEntered') record.transitions += 1;
      }
    })().catch(() => undefined);
    record.done = run.result.then(
      (output) => this.#finish(record, 'SUCCEEDED', { output: JSON.stringify(output ?? null) }),
      (error: Error & { cause?: unknown }) => {
        const status: ExecutionStatus =
          error.name === 'ExecutionAbortedError'
            ? 'ABORTED'
            : error.name === 'ExecutionTimeoutError'
              ? 'TIMED_OUT'
              : 'FAILED';
        // aws-local-stepfunctions wraps the failing state's error: unwrap to its States error name.
        const inner = (error.cause ?? error) as Error & { cause?: unknown };
        this.#finish(record, status, {
          error: inner.name,
          cause: typeof inner.cause === 'string' ? inner.cause : inner.message,
        });
      },
    );
    return record;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const record = this.#executions.get(executionArn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution ${executionArn} does not exist`);
    return record;
  }

  executions(): ExecutionRecord[] {
    return [...this.#executions.values()];
  }

  stopExecution(executionArn: string): void {
    this.describeExecution(executionArn);
    this.#aborts.get(executionArn)?.();
  }

  sendTaskSuccess(token: string, output: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new SfnError('InvalidOutput', 'Task output must be JSON');
    }
    this.#takeWaiter(token).resolve(parsed);
  }

  sendTaskFailure(token: string, error = 'States.TaskFailed', cause = ''): void {
    const failure = new Error(cause);
    failure.name = error;
    this.#takeWaiter(token).reject(failure);
  }

  /** Aborts every running execution; their pending tasks are forgotten. */
  async stop(): Promise<void> {
    for (const record of this.#executions.values()) {
      if (record.status === 'RUNNING') this.#aborts.get(record.executionArn)?.();
    }
    await Promise.allSettled([...this.#executions.values()].map((r) => r.done));
    this.#waiters.clear();
  }

  #withTimeout(token: string, answered: Promise<unknown>, seconds: number): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        this.#waiters.delete(token);
        reject(Object.assign(new Error('Task timed out'), { name: 'States.Timeout' }));
      }, seconds * 1000);
      timer.unref();
    });
    return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
  }

  #takeWaiter(token: string): Waiter {
    const waiter = this.#waiters.get(token);
    if (!waiter) throw new SfnError('TaskDoesNotExist', 'No task is waiting for this token');
    this.#waiters.delete(token);
    return waiter;
  }

  #finish(record: ExecutionRecord, status: ExecutionStatus, result: Partial<ExecutionRecord>): void {
    Object.assign(record, result, { status, stopDate: new Date() });
    this.#aborts.delete(record.executionArn);
    for (const [token, waiter] of this.#waiters) {
      if (waiter.executionArn === record.executionArn) this.#waiters.delete(token);
    }
  }

  #localHandlers(executionArn: string, workflow: LocalWorkflow, tasks: TaskState[], record: () => ExecutionRecord) {
    const bound: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const task of tasks) {
      const step = workflow.handlers[task.invocation.placeholder]!;
      const timeoutMs = this.options.stepTimeoutMs ?? TIMEOUT_SECONDS.step * 1000;
      // Counted as AWS bills them: one invocation each, for as long as it runs.
      const handler: StepHandler = async (event, context) => {
        const t0 = performance.now();
        try {
          return await withinTimeout(task.invocation.placeholder, timeoutMs, step(event, context));
        } finally {
          const r = record();
          r.tasks += 1;
          r.taskMs += performance.now() - t0;
        }
      };
      const context = () => lambdaContext(task.invocation.placeholder, timeoutMs);
      switch (task.invocation.kind) {
        case 'direct':
          bound[task.name] = (input) => handler(input, context());
          break;
        case 'invoke':
          // Exactly what lambda:invoke gives on AWS, so a ResultSelector on $.Payload works in both.
          bound[task.name] = async (input) => ({
            ExecutedVersion: '$LATEST',
            Payload: (await handler((input as { Payload?: unknown }).Payload, context())) ?? null,
            StatusCode: 200,
          });
          break;
        case 'callback':
          bound[task.name] = async (input) => {
            const { Payload, __stateInput } = input as { Payload?: unknown; __stateInput?: unknown };
            const token = randomBytes(48).toString('base64url');
            const answered = new Promise<unknown>((resolve, reject) => {
              this.#waiters.set(token, { executionArn, resolve, reject });
            });
            try {
              await handler(withToken(Payload, token), context());
            } catch (error) {
              this.#waiters.delete(token);
              throw error;
            }
            if (!task.timeoutPath) return answered;
            const seconds = readPath(__stateInput, task.timeoutPath);
            if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
              this.#waiters.delete(token);
              throw Object.assign(new Error(`${task.timeoutPath} is not a positive whole number of seconds`), {
                name: 'States.Runtime',
              });
            }
            return this.#withTimeout(token, answered, Math.min(seconds, MAX_TIMER_SECONDS));
          };
          break;
      }
    }
    return bound;
  }
}

/** The Context Object is static here: put the minted token where `$$.Task.Token` was used. */
function withToken(value: unknown, token: string): unknown {
  if (value === TOKEN_SENTINEL) return token;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
  }
  return value;
}
