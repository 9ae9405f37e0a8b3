// The single table's shape: attribute and index names. infra/ builds the DynamoDB table from this,
// local/ creates the same table in the embedded store. Keys and access patterns: keys.ts.

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  indexes: [
    { name: 'byPort', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'byStatus', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'byOwner', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];
