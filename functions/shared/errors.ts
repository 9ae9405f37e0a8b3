// Domain and HTTP errors as values with a code; `http.ts` maps them to responses in one place.
import * as z from 'zod';
import { type Lang, type Violation, violation } from './i18n.ts';

export const ErrorDetail = z.object({
  path: z.string().describe('JSON path of the offending field, e.g. "vessel.imo"; "" for the whole request'),
  message: z.string(),
  rule: z.string().optional().describe('Stable code of the broken rule, for 422 answers'),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(ErrorDetail),
      state: z.string().optional().describe('TRANSITION_NOT_ALLOWED: the call status the request met'),
      event: z.string().optional().describe('TRANSITION_NOT_ALLOWED: the lifecycle event the request asked for'),
      allowedEvents: z
        .array(z.string())
        .optional()
        .describe('TRANSITION_NOT_ALLOWED: the lifecycle events that status allows'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: ErrorDetail[];
  constructor(message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
  headers(): Record<string, string> {
    return {};
  }
  /** Fields the error body carries besides code, message and details (documented per error). */
  extra(): Record<string, unknown> {
    return {};
  }
}

/** The request is malformed: bad JSON, wrong types, missing fields (400). */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'VALIDATION_FAILED';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/** The request conflicts with the resource's current state (409). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string = 'CONFLICT';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** Well-formed but breaks a domain rule: check digit, dates out of order, unknown code (422). */
export class RuleViolationError extends AppError {
  readonly status = 422;
  readonly code = 'RULE_VIOLATION';
  readonly violations: readonly Violation[];
  constructor(message: string, violations: readonly Violation[]) {
    super(
      message,
      violations.map((v) => ({ path: v.path, message: v.en, rule: v.rule })),
    );
    this.violations = violations;
  }
  localised(lang: Lang): ErrorDetail[] {
    return this.violations.map((v) => ({ path: v.path, message: v[lang], rule: v.rule }));
  }
}

/** The caller sent more than its share; it may try again after `Retry-After` seconds (429). */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
  override headers(): Record<string, string> {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

/** A dependency is failing or throttling; the client should retry later (503). */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds = 1) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
  override headers(): Record<string, string> {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}

/** Turns zod issues into the design's `details`, one entry per offending field. */
export function detailsFromZod(error: z.ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // One entry per unknown field, at that field, rather than one for its parent.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'is not a known field' }));
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}

/**
 * A schema's issues, split into what makes the request malformed (400) and the domain rules a
 * schema checks itself (a refinement with `params.rule`, e.g. hidden characters in a name: 422).
 */
export function splitRuleIssues(
  error: z.ZodError,
  prefix: (string | number)[] = [],
): { malformed: ErrorDetail[]; rules: Violation[] } {
  const ruleOf = (issue: z.core.$ZodIssue) =>
    issue.code === 'custom' ? (issue.params as { rule?: string; zh?: string } | undefined) : undefined;
  const rules = error.issues.filter((issue) => ruleOf(issue)?.rule);
  const malformed = error.issues.filter((issue) => !ruleOf(issue)?.rule);
  return {
    malformed: detailsFromZod(new z.ZodError(malformed), prefix),
    rules: detailsFromZod(new z.ZodError(rules), prefix).map((detail, i) => {
      const { rule, zh } = ruleOf(rules[i]!)!;
      return violation(detail.path, rule!, detail.message, zh ?? detail.message);
    }),
  };
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${part}` : part;
  }, '');
}
