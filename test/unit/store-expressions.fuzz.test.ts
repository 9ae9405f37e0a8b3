// Differential property test of the embedded store's remembered parses (local/store-expressions.ts):
// requests made of a few expression texts, repeated with other names maps, values of other types
// and contents, values left unused and names left out, each go through dynalite's own parser and
// through the remembering one, each with a context of its own built as dynalite's validations build
// it (expressions in validations' order, one context shared by a request's expressions, stopping at
// the first refusal). Checked for every expression of every request: the same outcome (the same
// thrown message, the same refusal, or trees equal key for key, prototypes included); the same
// names and values left unused afterwards; and each value in the remembered tree the very object
// of the request in hand, in a tree no earlier request was handed.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpressionParser, rememberParses } from '../../local/store-expressions.ts';
import { type Names, SLOTS, type Values, scenario } from '../support/expression-requests.ts';

// dynalite's own parsers, each wrapped in an object of our own so the modules stay as they are.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const parserOf = (name: string): ExpressionParser => fromDynalite(`./db/${name}.js`) as ExpressionParser;
const PARSERS = {
  update: parserOf('updateParser'),
  condition: parserOf('conditionParser'),
  projection: parserOf('projectionParser'),
};
type ParserName = keyof typeof PARSERS;

interface Context {
  attrNames?: Names;
  attrVals?: Values;
  unusedAttrNames: Record<string, boolean>;
  unusedAttrVals: Record<string, boolean>;
  isKeyCondition?: boolean;
  isReserved: (name: string) => boolean;
  compare: (op: string, x: unknown, y: unknown) => boolean;
}

/**
 * The `isReserved` and `compare` dynalite's validations hand a parser (isReserved is not
 * exported): read off the context of one ProjectionExpression, the projection parser lent for
 * that one synchronous call and given back before anything else runs.
 */
function dynaliteHelpers(): Pick<Context, 'isReserved' | 'compare'> {
  const validations = fromDynalite('./validations/index.js') as { validateExpressions(data: object): unknown };
  const projection = PARSERS.projection;
  const own = projection.parse;
  let seen: Context | undefined;
  projection.parse = (_input, options) => {
    seen = options.context as Context;
    return { paths: [], nestedPaths: Object.create(null) };
  };
  try {
    validations.validateExpressions({ ProjectionExpression: 'a' });
  } finally {
    projection.parse = own;
  }
  return { isReserved: seen!.isReserved, compare: seen!.compare };
}
const { isReserved, compare } = dynaliteHelpers();

/** A context as dynalite's validations build it, holding objects of its own. */
function contextOf(names: Names | undefined, values: Values | undefined): Context {
  const attrVals = values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, structuredClone(v)]));
  const attrNames = names && { ...names };
  return {
    attrNames,
    attrVals,
    unusedAttrNames: Object.fromEntries(Object.keys(attrNames ?? {}).map((n) => [n, true])),
    unusedAttrVals: Object.fromEntries(Object.keys(attrVals ?? {}).map((n) => [n, true])),
    isReserved,
    compare,
  };
}

// ---- Comparing what the two parsers answer.

type Outcome = { threw: { name: string; message: string } } | { refused: string } | { tree: unknown };
function outcomeOf(parse: () => unknown): Outcome {
  try {
    const result = parse();
    return typeof result === 'string' ? { refused: result } : { tree: result };
  } catch (error) {
    return { threw: { name: (error as Error).name, message: (error as Error).message } };
  }
}

/** The tree as plain data: keys, values, holes and undefined kept; each object's prototype written as a key. */
function plain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plain);
  if (node === null || typeof node !== 'object') return node;
  const entries: [string, unknown][] = Object.keys(node).map((k) => [k, plain((node as Record<string, unknown>)[k])]);
  const proto = Object.getPrototypeOf(node);
  if (proto === null) entries.push(['[null prototype]', true]);
  else if (proto !== Object.prototype) entries.push(['[prototype]', String(proto.constructor?.name)]);
  const symbols = Object.getOwnPropertySymbols(node);
  if (symbols.length) entries.push(['[symbols]', symbols.map(String)]);
  return Object.fromEntries(entries);
}

/** Passes when the two are equal key for key, prototypes included; otherwise fails with vitest's account of it. */
function expectSame(actual: unknown, expected: unknown, about: string) {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(plain(actual), about).toStrictEqual(plain(expected));
  expect.fail(`${about}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`);
}

/**
 * Where dynalite's tree holds one of its request's values, the places in the remembered tree that
 * do not hold the very object of its own request; and the other objects of the remembered tree.
 */
function valuesAndObjects(raw: unknown, remembered: unknown, rawValues: Map<object, string>, values: Values) {
  const strangers: string[] = [];
  const objects = new Set<object>();
  const walk = (r: unknown, m: unknown, at: string) => {
    if (r === null || typeof r !== 'object') return;
    const name = rawValues.get(r);
    if (name !== undefined) {
      if (m !== values[name]) strangers.push(`${at} is not the request's ${name}`);
      return;
    }
    objects.add(m as object);
    for (const key of Object.keys(r)) {
      walk((r as Record<string, unknown>)[key], (m as Record<string, unknown>)[key], `${at}.${key}`);
    }
  };
  walk(raw, remembered, 'tree');
  return { strangers, objects };
}

describe('expressions remembered by the embedded store, against dynalite parsing each one afresh', () => {
  it('answer every request as dynalite would: same refusal or tree, same unused names and values, its own values', () => {
    // Prepare
    const counts = { calls: 0, parses: 0, trees: 0 };

    // Act
    fc.assert(
      fc.property(scenario, ({ pools, requests }) => {
        const remembered = Object.fromEntries(
          Object.entries(PARSERS).map(([name, parser]) => {
            const copy = { parse: parser.parse.bind(parser) };
            return [name, { parser: copy, ...rememberParses(copy, pools.limit) }];
          }),
        ) as Record<ParserName, { parser: ExpressionParser; parses: () => number }>;
        const handedOut = new WeakSet<object>();

        for (const request of requests) {
          const names = pools.names[request.names];
          const raw = contextOf(names, request.values);
          const own = contextOf(names, request.values);
          const rawValues = new Map(Object.entries(raw.attrVals ?? {}).map(([k, v]) => [v as object, k]));

          for (const slot of SLOTS) {
            const index = request.expressions[slot.field];
            if (index === undefined) continue;
            const expression = pools[slot.pool][index]!;
            if ('keyCondition' in slot) raw.isKeyCondition = own.isKeyCondition = true;
            const expected = outcomeOf(() => PARSERS[slot.parser].parse(expression, { context: raw }));
            const actual = outcomeOf(() => remembered[slot.parser].parser.parse(expression, { context: own }));
            counts.calls += 1;

            // Assess (1): the same outcome.
            const about = `${slot.field} ${JSON.stringify(expression)}`;
            expectSame(actual, expected, about);
            // Assess (2): the same names and values left unused, also after a syntax error (dynalite's
            // parser crosses names off before it throws: 'REMOVE #a AND').
            expectSame(own.unusedAttrNames, raw.unusedAttrNames, `${about}: unused names`);
            expectSame(own.unusedAttrVals, raw.unusedAttrVals, `${about}: unused values`);
            if (!('tree' in expected)) break; // validations stop at the first refusal or throw

            // Assess (3): the request's own values, in a tree of its own.
            const tree = (actual as { tree: unknown }).tree;
            const { strangers, objects } = valuesAndObjects(expected.tree, tree, rawValues, own.attrVals ?? {});
            for (const object of objects) if (handedOut.has(object)) strangers.push('an object handed out before');
            if (strangers.length) expect(strangers, about).toEqual([]);
            for (const object of objects) handedOut.add(object);
            // A caller may change the tree it got (dynalite's updateItem writes each section's value):
            // nothing handed out later may show it.
            for (const object of objects) {
              if (Array.isArray(object)) object.push('changed');
              else (object as Record<string, unknown>).changed = true;
            }
            counts.trees += 1;
          }
        }
        for (const { parses } of Object.values(remembered)) counts.parses += parses();
      }),
      { numRuns: 800 },
    );

    // Assess: the runs did hand out trees, a good part of them from memory.
    const fromMemory = counts.calls - counts.parses;
    expect(counts.trees).toBeGreaterThan(counts.calls / 5);
    expect(fromMemory).toBeGreaterThan(counts.trees / 4);
  });
});
