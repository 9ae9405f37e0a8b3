// The AWS cost of one port call, from what the benchmark counted, at public list prices
// (us-east-1, on-demand, arm64; as published by AWS in 2026 — check before quoting).
import { round } from './stats.ts';

export const PRICES = {
  source:
    'aws.amazon.com/step-functions/pricing, /lambda/pricing, /dynamodb/pricing/on-demand, /api-gateway/pricing, /eventbridge/pricing (us-east-1)',
  stepFunctionsPerTransition: 0.000025,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaPerGbSecondArm: 0.0000133334,
  dynamoPerWriteUnit: 0.625 / 1e6,
  dynamoPerReadUnit: 0.125 / 1e6,
  httpApiPerRequest: 1.0 / 1e6,
  eventBridgePerEvent: 1.0 / 1e6,
};

const READS = ['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'ScanCommand'];
const WRITES = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand'];

export interface CostInput {
  arrival: { transitionsPerCall: number; taskInvocationsPerCall: number; taskMsPerCall: number };
  departure: { transitionsPerCall: number; taskInvocationsPerCall: number; taskMsPerCall: number };
  storeOpsPerCall: Record<string, number>;
  gangwayPassesPerCall: number;
  gangwayBatchSize: number;
}

export function costOfACall(c: CostInput) {
  // The agent's and officer's requests over a call: announce, declare arrival, arrived, read the
  // departure draft, declare departure, departed, and a few reads of the call.
  const apiRequests = 6 + 4 + Math.ceil(c.gangwayPassesPerCall / c.gangwayBatchSize);
  const transitions = c.arrival.transitionsPerCall + c.departure.transitionsPerCall;
  const invocations = apiRequests + c.arrival.taskInvocationsPerCall + c.departure.taskInvocationsPerCall;
  // Billed time: measured task time, and ~30 ms per API handler, at 512 MB.
  const gbSeconds = ((c.arrival.taskMsPerCall + c.departure.taskMsPerCall + apiRequests * 30) / 1000) * 0.5;
  const reads = READS.reduce((n, k) => n + (c.storeOpsPerCall[k] ?? 0), 0);
  const writes = WRITES.reduce((n, k) => n + (c.storeOpsPerCall[k] ?? 0), 0);
  // Items here are 0.5–3 KB: one read unit per strongly consistent read, two write units per write.
  const gangwayWrites = c.gangwayPassesPerCall * 2;
  const usd = {
    stepFunctions: transitions * PRICES.stepFunctionsPerTransition,
    lambda: invocations * PRICES.lambdaPerRequest + gbSeconds * PRICES.lambdaPerGbSecondArm,
    dynamodb:
      (writes + gangwayWrites) * 2 * PRICES.dynamoPerWriteUnit +
      (reads + c.gangwayPassesPerCall * 3) * PRICES.dynamoPerReadUnit,
    apiGateway: apiRequests * PRICES.httpApiPerRequest,
    eventBridge: (20 + c.gangwayPassesPerCall) * PRICES.eventBridgePerEvent,
  };
  const rounded = Object.fromEntries(Object.entries(usd).map(([k, v]) => [k, round(v, 6)]));
  return {
    counts: {
      apiRequests,
      transitions,
      invocations,
      gbSeconds: round(gbSeconds, 3),
      storeReads: reads,
      storeWrites: writes + gangwayWrites,
    },
    usd: rounded,
    totalUsd: round(
      Object.values(usd).reduce((a, b) => a + b, 0),
      5,
    ),
    prices: PRICES,
  };
}
