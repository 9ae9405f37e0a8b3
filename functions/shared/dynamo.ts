// Small helpers over the document client: read every page of a query, and take the table's own
// key attributes off an item before it leaves its store.
import { type QueryCommandInput, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './aws.ts';

/** Every item the query matches, across pages. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: documentClient() }, { ...input, TableName: tableName() })) {
    items.push(...(page.Items ?? []));
  }
  return items;
}

/** How many items the query matches, across pages. */
export async function countAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Select'>,
): Promise<number> {
  let count = 0;
  const pages = paginateQuery({ client: documentClient() }, { ...input, TableName: tableName(), Select: 'COUNT' });
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'lastCapturedAt',
  'basedOnCallVersion',
]);

/** The item as its domain type, without the table's key and bookkeeping attributes. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}
