// The embedded store parses each expression once: what a remembered parse answers must be what
// dynalite's own parser answers for the request in hand, values, errors and unused names included.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type ExpressionParser, rememberParses } from '../../local/store-expressions.ts';

// dynalite's own parsers, each wrapped in an object of our own so the module stays as it is.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const parserOf = (name: string): ExpressionParser => fromDynalite(`./db/${name}.js`) as ExpressionParser;
const condition = parserOf('conditionParser');
const update = parserOf('updateParser');

type Values = Record<string, Record<string, unknown>>;
function context(values?: Values, names?: Record<string, string>, alreadyUsed: string[] = []) {
  return {
    attrNames: names,
    attrVals: values,
    unusedAttrNames: Object.fromEntries(Object.keys(names ?? {}).map((n) => [n, true])),
    unusedAttrVals: Object.fromEntries(
      Object.keys(values ?? {})
        .filter((n) => !alreadyUsed.includes(n))
        .map((n) => [n, true]),
    ),
    isReserved: (name: string) => name.toUpperCase() === 'STATUS',
    compare: (op: string, x: { N?: string }, y: { N?: string }) => op === 'GT' && Number(x.N) > Number(y.N),
  };
}

function remembering(parser: ExpressionParser) {
  const copy = { parse: parser.parse.bind(parser) };
  return { parser: copy, ...rememberParses(copy) };
}

const fresh = (parser: ExpressionParser, input: string, ctx: ReturnType<typeof context>) =>
  parser.parse(input, { context: ctx });

describe('expressions parsed once in the embedded store', () => {
  it('parses a condition once and answers each request with its own values', () => {
    // Prepare
    const { parser, parses } = remembering(condition);
    const expression = 'attribute_not_exists(lastCapturedAt) OR lastCapturedAt < :capturedAt';

    // Act
    const answers = ['2026-12-03T08:00:00Z', '2026-12-03T09:00:00Z', '2999-01-01T00:00:00Z'].map((at) => {
      const values = { ':capturedAt': { S: at } };
      return { values, tree: parser.parse(expression, { context: context(values) }) };
    });

    // Assess: one parse; each tree is dynalite's for that request, holding that request's value.
    expect(parses()).toBe(1);
    for (const { values, tree } of answers) {
      expect(tree).toEqual(fresh(condition, expression, context(values)));
      const compared = (tree as { expression: { args: [unknown, { args: unknown[] }] } }).expression.args[1];
      expect(compared.args[1]).toBe(values[':capturedAt']);
    }
  });

  it('gives an update with names and several values the tree dynalite would', () => {
    // Prepare
    const { parser, parses } = remembering(update);
    const expression = 'SET #status = :status, rev = rev + :one ADD visits :one REMOVE draft';
    const names = { '#status': 'status' };
    const first = { ':status': { S: 'CLEARED' }, ':one': { N: '1' } };
    const second = { ':status': { S: 'HELD' }, ':one': { N: '7' } };

    // Act
    parser.parse(expression, { context: context(first, names) });
    const tree = parser.parse(expression, { context: context(second, names) });

    // Assess
    expect(parses()).toBe(1);
    expect(tree).toEqual(fresh(update, expression, context(second, names)));
    expect(JSON.stringify(tree)).toContain('"HELD"');
    expect(JSON.stringify(tree)).not.toContain('CLEARED');
  });

  it('marks the names and values an expression uses in every request, whatever else used them first', () => {
    // Prepare: first seen in a request whose update expression had already used :at.
    const { parser } = remembering(condition);
    const values = { ':at': { S: '2026-12-03T08:00:00Z' } };
    parser.parse('lastCapturedAt < :at', { context: context(values, undefined, [':at']) });
    const alone = context(values);

    // Act: the same condition, alone in its request.
    parser.parse('lastCapturedAt < :at', { context: alone });

    // Assess: :at is used, so dynalite will not call it unused.
    expect(alone.unusedAttrVals).toEqual({});
  });

  it('still refuses what dynalite refuses once the same expression has been parsed', () => {
    // Prepare
    const { parser } = remembering(condition);
    const prefix = 'begins_with(sk, :prefix)';
    const between = 'sk BETWEEN :low AND :high';
    parser.parse(prefix, { context: context({ ':prefix': { S: 'EVENT#' } }) });
    parser.parse(between, { context: context({ ':low': { N: '1' }, ':high': { N: '2' } }) });

    // Act: a number where a string must be, bounds the wrong way round, a reserved word.
    const refusals = [
      parser.parse(prefix, { context: context({ ':prefix': { N: '7' } }) }),
      parser.parse(between, { context: context({ ':low': { N: '9' }, ':high': { N: '2' } }) }),
      parser.parse('status = :s', { context: context({ ':s': { S: 'x' } }) }),
    ];

    // Assess: dynalite answers a refusal with its message.
    expect(refusals).toEqual([
      expect.stringMatching(/^Incorrect operand type .* begins_with, operand type: N$/),
      expect.stringMatching(/^The BETWEEN operator requires upper bound to be greater than or equal to lower bound/),
      'Attribute name is a reserved keyword; reserved keyword: status',
    ]);
  });

  it('hands out a tree of its own each time', () => {
    // Prepare
    const { parser } = remembering(condition);
    const first = parser.parse('attribute_not_exists(pk)', { context: context() }) as {
      expression: { args: string[][] };
    };

    // Act: a caller changes the tree it got.
    first.expression.args[0]!.push('changed');
    const second = parser.parse('attribute_not_exists(pk)', { context: context() });

    // Assess
    expect(second).toEqual(fresh(condition, 'attribute_not_exists(pk)', context()));
  });
});
