// The requests of the differential test of remembered parses (test/unit/store-expressions.fuzz.test.ts):
// scenarios of a few expression texts, names maps and sets of value types, and requests that
// carry some of them, in the order dynalite's validations parse them, with values of their own.
import fc from 'fast-check';

export type AttributeValue = Record<string, unknown>;
export type Values = Record<string, AttributeValue>;
export type Names = Record<string, string>;

// ---- Expressions: a small vocabulary, so the same paths, names and values come back often.

const NAME_KEYS = ['#a', '#b', '#s'];
const VALUE_KEYS = [':v', ':w', ':x', ':n'];
const TYPE_LETTERS = ['S', 'N', 'B', 'NULL', 'BOOL', 'SS', 'NS', 'BS', 'L', 'M'];

const head = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('a', 'b', 'pk', 'sk', 'x', 'S') },
  { weight: 20, arbitrary: fc.constantFrom(...NAME_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('status', 'name', 'size') },
);
const step = fc.constantFrom('.b', '.c', '[0]', '[2]', '[10]', '.#a', '.#b', '.S');
const path = fc.tuple(head, fc.array(step, { maxLength: 2 })).map(([h, steps]) => h + steps.join(''));
const value = fc.constantFrom(...VALUE_KEYS);

/** A few ways of breaking an expression, so syntax errors (thrown after some names were used) come up too. */
const damaged = (expression: fc.Arbitrary<string>) =>
  fc
    .tuple(
      expression,
      fc.oneof(
        { weight: 12, arbitrary: fc.constant((e: string) => e) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            (e: string) => `${e} AND`,
            (e: string) => `${e})`,
            (e: string) => `(${e}`,
            (e: string) => e.slice(0, -1),
            (e: string) => `${e} ,`,
            (e: string) => e.replace(' ', ' , '),
          ),
        },
      ),
    )
    .map(([e, damage]) => damage(e));

const { condition } = fc.letrec<{ operand: string; comparand: string; condition: string }>((tie) => ({
  operand: fc.oneof(
    { weight: 4, arbitrary: path },
    { weight: 4, arbitrary: value },
    { weight: 1, arbitrary: path.map((p) => `size(${p})`) },
    { weight: 1, arbitrary: value.map((v) => `size(${v})`) },
  ),
  comparand: fc.oneof(
    tie('operand'),
    tie('operand').map((o) => `(${o})`),
  ),
  condition: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc
      .tuple(tie('operand'), fc.constantFrom('=', '<>', '<', '<=', '>', '>='), tie('comparand'))
      .map(([x, op, y]) => `${x} ${op} ${y}`),
    fc.tuple(tie('operand'), tie('operand'), tie('operand')).map(([x, y, z]) => `${x} BETWEEN ${y} AND ${z}`),
    fc
      .tuple(tie('operand'), fc.array(tie('operand'), { minLength: 1, maxLength: 3 }))
      .map(([x, ys]) => `${x} IN (${ys.join(', ')})`),
    path.map((p) => `attribute_exists(${p})`),
    path.map((p) => `attribute_not_exists(${p})`),
    fc.tuple(path, value).map(([p, v]) => `attribute_type(${p}, ${v})`),
    fc.tuple(tie('operand'), tie('operand')).map(([x, y]) => `begins_with(${x}, ${y})`),
    fc.tuple(tie('operand'), tie('operand')).map(([x, y]) => `contains(${x}, ${y})`),
    fc.constantFrom('size(a)', 'attribute_exists(:v)', 'begins_with(a)', 'nope(a)', 'contains(a, a)', 'a = a'),
    fc.tuple(tie('condition'), tie('condition')).map(([x, y]) => `${x} AND ${y}`),
    fc.tuple(tie('condition'), tie('condition')).map(([x, y]) => `${x} OR ${y}`),
    tie('condition').map((x) => `NOT ${x}`),
    tie('condition').map((x) => `(${x})`),
  ),
}));

const { setValue } = fc.letrec<{ operand: string; setValue: string }>((tie) => ({
  operand: fc.oneof(
    { maxDepth: 2, depthSize: 'small' },
    path,
    value,
    fc.tuple(fc.oneof(path, value), fc.oneof(value, path)).map(([x, y]) => `if_not_exists(${x}, ${y})`),
    fc.tuple(tie('operand'), tie('operand')).map(([x, y]) => `list_append(${x}, ${y})`),
  ),
  setValue: fc.oneof(
    { weight: 3, arbitrary: tie('operand') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(tie('operand'), fc.constantFrom('+', '-'), tie('operand'))
        .map(([x, op, y]) => `${x} ${op} ${y}`),
    },
  ),
}));
const list = (item: fc.Arbitrary<string>) =>
  fc.array(item, { minLength: 1, maxLength: 2 }).map((items) => items.join(', '));
const section = fc.oneof(
  list(fc.tuple(path, setValue).map(([p, v]) => `${p} = ${v}`)).map((actions) => `SET ${actions}`),
  list(path).map((paths) => `REMOVE ${paths}`),
  list(fc.tuple(path, value).map(([p, v]) => `${p} ${v}`)).map((actions) => `ADD ${actions}`),
  list(fc.tuple(path, value).map(([p, v]) => `${p} ${v}`)).map((actions) => `DELETE ${actions}`),
);
const update = fc.array(section, { minLength: 1, maxLength: 2 }).map((sections) => sections.join(' '));
const projection = list(path);

// ---- Names and values: a request has one of a few names maps and one of a few sets of value types,
// its values' contents its own.

/** Each key present nine times in ten. */
const someOf = <T>(keys: string[], item: fc.Arbitrary<T>) =>
  fc
    .tuple(...keys.map(() => fc.option(item, { nil: undefined, freq: 10 })))
    .map((items) => Object.fromEntries(keys.flatMap((k, i) => (items[i] === undefined ? [] : [[k, items[i]!]]))));

const nameTarget = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'x', 'pk', 'sk', 'S', 'M') },
  { weight: 3, arbitrary: fc.constantFrom('status', 'name', 'size', 'between') },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'a.b', '') },
);
/** A request's names map, if it has one. */
const namesMap = fc.option(someOf(NAME_KEYS, nameTarget), { nil: undefined, freq: 8 });
/** The types of a request's values, if it has any. */
const valueTypes = fc.option(someOf(VALUE_KEYS, fc.constantFrom(...TYPE_LETTERS)), { nil: undefined, freq: 8 });

const number = fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), fc.constantFrom('1.5', '0.0', '1e3', '-0'));
const string = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(...TYPE_LETTERS, 'EVENT#', 'x'));
const binary = fc.uint8Array({ minLength: 1, maxLength: 3 }).map((bytes) => Buffer.from(bytes).toString('base64'));
const set = <T>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { minLength: 1, maxLength: 3 });
const { attributeValue } = fc.letrec<{ attributeValue: AttributeValue }>((tie) => ({
  attributeValue: fc.oneof(
    { maxDepth: 2 },
    ...TYPE_LETTERS.slice(0, 8).map((t) => valueOfType(t)),
    fc.array(tie('attributeValue'), { maxLength: 3 }).map((L) => ({ L })),
    fc.dictionary(fc.constantFrom('a', 'b', 'S'), tie('attributeValue'), { maxKeys: 2 }).map((M) => ({ M })),
  ),
}));
/** A value of the given type, a new object every time. */
function valueOfType(type: string): fc.Arbitrary<AttributeValue> {
  switch (type) {
    case 'S':
      return string.map((S) => ({ S }));
    case 'N':
      return number.map((N) => ({ N }));
    case 'B':
      return binary.map((B) => ({ B }));
    case 'NULL':
      return fc.constant(null).map(() => ({ NULL: true }));
    case 'BOOL':
      return fc.boolean().map((BOOL) => ({ BOOL }));
    case 'SS':
      return set(string).map((SS) => ({ SS }));
    case 'NS':
      return set(number).map((NS) => ({ NS }));
    case 'BS':
      return set(binary).map((BS) => ({ BS }));
    case 'L':
      return fc.array(attributeValue, { maxLength: 3 }).map((L) => ({ L }));
    default:
      return fc.dictionary(fc.constantFrom('a', 'b', 'S'), attributeValue, { maxKeys: 2 }).map((M) => ({ M }));
  }
}

// ---- Requests: which expressions of the scenario's few each one carries, in validations' order.

export const SLOTS = [
  { field: 'UpdateExpression', pool: 'updates', parser: 'update' },
  { field: 'ConditionExpression', pool: 'conditions', parser: 'condition' },
  { field: 'KeyConditionExpression', pool: 'conditions', parser: 'condition', keyCondition: true },
  { field: 'FilterExpression', pool: 'conditions', parser: 'condition' },
  { field: 'ProjectionExpression', pool: 'projections', parser: 'projection' },
] as const;
type Pool = (typeof SLOTS)[number]['pool'];
type Field = (typeof SLOTS)[number]['field'];

interface Request {
  names: number;
  values?: Values;
  expressions: Partial<Record<Field, number>>;
}

export const scenario = fc
  .record({
    updates: fc.array(damaged(update), { minLength: 1, maxLength: 2 }),
    conditions: fc.array(damaged(condition), { minLength: 1, maxLength: 2 }),
    projections: fc.array(damaged(projection), { minLength: 1, maxLength: 2 }),
    names: fc.array(namesMap, { minLength: 1, maxLength: 2 }) as fc.Arbitrary<(Names | undefined)[]>,
    types: fc.array(valueTypes, { minLength: 1, maxLength: 3 }),
    limit: fc.oneof({ weight: 4, arbitrary: fc.constant(1000) }, { weight: 1, arbitrary: fc.constantFrom(1, 2) }),
  })
  .chain((pools) =>
    fc.record({
      pools: fc.constant(pools),
      requests: fc.array(requestOf(pools), { minLength: 2, maxLength: 16 }),
    }),
  );

function requestOf(
  pools: Record<Pool, string[]> & { names: unknown[]; types: (Record<string, string> | undefined)[] },
): fc.Arbitrary<Request> {
  const pick = (pool: Pool) => fc.option(fc.nat(pools[pool].length - 1), { nil: undefined, freq: 3 });
  const expressions = fc
    .tuple(...SLOTS.map((slot) => pick(slot.pool)))
    .map((picked) =>
      Object.fromEntries(SLOTS.flatMap((slot, i) => (picked[i] === undefined ? [] : [[slot.field, picked[i]]]))),
    );
  const values = fc
    .constantFrom(...pools.types)
    .chain((types) =>
      types
        ? fc.record(Object.fromEntries(Object.entries(types).map(([key, type]) => [key, valueOfType(type)])))
        : fc.constant(undefined),
    );
  return fc.record({ names: fc.nat(pools.names.length - 1), values, expressions });
}
