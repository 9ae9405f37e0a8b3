// One Powertools tracer per cold start: X-Ray segments for each invocation and each AWS SDK call.
// Outside Lambda (the embedded runtime, tests) Powertools turns it off and every call is a no-op.
import { Tracer } from '@aws-lambda-powertools/tracer';

export const tracer = new Tracer({ serviceName: 'three-zeros' });
