// dynalite parses every expression of every request (conditions, updates, key conditions,
// filters, projections) with a PEG parser, and the parse embeds the request's values in the tree it
// returns. With batches of gangway events that parse was 27 % of the store's thread, most of it
// `attribute_not_exists(pk)` again and again (bench/README.md, "2026-12-03, evening"). Here each
// parser keeps the trees it built: the same expression, with the same attribute names and values
// of the same types, gets a copy of the tree it had, the request's own values put where the old
// ones were. What the parser decides from a value beyond its type (BETWEEN compares its bounds,
// attribute_type reads its type name) is parsed afresh every time, and so is anything refused.

type AttributeValue = Record<string, unknown>;

/** What dynalite's validation passes to a parser: the request's names and values, and which are still unused. */
interface ParseContext {
  attrNames?: Record<string, string>;
  attrVals?: Record<string, AttributeValue>;
  unusedAttrNames?: Record<string, boolean>;
  unusedAttrVals?: Record<string, boolean>;
  isKeyCondition?: boolean;
}

export interface ExpressionParser {
  parse(input: string, options: { context: ParseContext }): unknown;
}

const TYPES = ['S', 'N', 'B', 'NULL', 'BOOL', 'SS', 'NS', 'BS', 'L', 'M'];
const typeOf = (value: AttributeValue | undefined) => TYPES.find((t) => value?.[t] != null) ?? '';
/** Expressions whose parse reads a value's content, not only its type. */
const READS_VALUES = /between|attribute_type/i;

/** Where a value of the request stood in a remembered tree. */
const VALUE = Symbol('value');
/** What a tree holds that a copy could not bring up to date. */
const NOT_COPYABLE = Symbol('not copyable');
type Template = unknown;

interface Remembered {
  tree: Template;
  names: string[];
  values: string[];
}

/** Makes `parser.parse` remember up to `limit` trees (the oldest forgotten first). */
export function rememberParses(parser: ExpressionParser, limit = 1000): { parses: () => number } {
  const parse = parser.parse.bind(parser);
  const remembered = new Map<string, Remembered>();
  let parses = 0;
  parser.parse = (input, options) => {
    const context = options.context;
    if (READS_VALUES.test(input)) {
      parses += 1;
      return parse(input, options);
    }
    const values = context.attrVals ?? {};
    const key = JSON.stringify([
      input,
      context.isKeyCondition === true,
      context.attrNames ?? null,
      Object.keys(values).map((name) => [name, typeOf(values[name])]),
    ]);
    const known = remembered.get(key);
    if (known) {
      markUsed(context, known);
      return instantiate(known.tree, values);
    }
    // Parsed against fresh "unused" lists, to learn which names and values this expression uses
    // whatever the request's other expressions use.
    const own = {
      ...context,
      unusedAttrNames: Object.fromEntries(Object.keys(context.attrNames ?? {}).map((n) => [n, true])),
      unusedAttrVals: Object.fromEntries(Object.keys(values).map((n) => [n, true])),
    };
    parses += 1;
    let tree: unknown;
    let used: Pick<Remembered, 'names' | 'values'>;
    try {
      tree = parse(input, { ...options, context: own });
    } finally {
      // Also when the parse throws: dynalite's parser marks names used before a syntax error.
      used = {
        names: Object.keys(context.attrNames ?? {}).filter((n) => !(n in own.unusedAttrNames)),
        values: Object.keys(values).filter((n) => !(n in own.unusedAttrVals)),
      };
      markUsed(context, used);
    }
    // A refusal comes back as its message: not remembered, so it is always dynalite's own.
    if (typeof tree === 'string') return tree;
    const template = templateOf(tree, new Map(Object.entries(values).map(([name, v]) => [v as object, name])));
    if (template !== NOT_COPYABLE) {
      if (remembered.size >= limit) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, { tree: template, ...used });
    }
    return tree;
  };
  return { parses: () => parses };
}

function markUsed(context: ParseContext, used: Pick<Remembered, 'names' | 'values'>) {
  for (const name of used.names) delete context.unusedAttrNames?.[name];
  for (const name of used.values) delete context.unusedAttrVals?.[name];
}

/**
 * The tree with each of the request's values replaced by where it stood, objects keeping their
 * prototype (the parsers use `Object.create(null)` for their sets of paths); NOT_COPYABLE when the
 * tree holds a value that is not one of the request's own (something derived from one).
 */
function templateOf(node: unknown, valueNames: Map<object, string>): Template | typeof NOT_COPYABLE {
  if (typeof node === 'function' || typeof node === 'symbol') return NOT_COPYABLE;
  if (node === null || typeof node !== 'object') return node;
  const name = valueNames.get(node);
  if (name !== undefined) return { [VALUE]: name };
  if (Array.isArray(node)) {
    const items: Template[] = [];
    for (const item of node) {
      const copy = templateOf(item, valueNames);
      if (copy === NOT_COPYABLE) return NOT_COPYABLE;
      items.push(copy);
    }
    return items;
  }
  const proto = Object.getPrototypeOf(node);
  if (proto !== Object.prototype && proto !== null) return NOT_COPYABLE;
  const keys = Object.keys(node);
  if (keys.length === 1 && TYPES.includes(keys[0]!)) return NOT_COPYABLE; // a value, but not one of the request's
  const copy = Object.create(proto) as Record<string, Template>;
  for (const key of keys) {
    const child = templateOf((node as Record<string, unknown>)[key], valueNames);
    if (child === NOT_COPYABLE) return NOT_COPYABLE;
    copy[key] = child;
  }
  return copy;
}

function instantiate(node: Template, values: Record<string, AttributeValue>): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => instantiate(item, values));
  if (VALUE in node) return values[(node as { [VALUE]: string })[VALUE]];
  const copy = Object.create(Object.getPrototypeOf(node)) as Record<string, unknown>;
  for (const key of Object.keys(node)) copy[key] = instantiate((node as Record<string, Template>)[key], values);
  return copy;
}
