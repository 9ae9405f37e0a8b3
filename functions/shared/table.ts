// The single table's shape and its access patterns. infra/ builds the DynamoDB table from this,
// local/ creates the same table in the embedded store; keys are built only here.
//
// Access patterns                                 key                                   sort key
// ─────────────────────────────────────────────── ───────────────────────────────────── ──────────────────────────
// a call and all its items                        pk = CALL#<callId>                    sk = CALL | AUDIT#<seq> | …
// calls of a port, ordered by ETA                 byPort:  gsi1pk = PORT#<port>         gsi1sk = CALL#<eta>#<callId>
// calls of a port in one status, ordered by ETA   byStatus: gsi2pk = PORT#<port>#CALL#<status>  gsi2sk = <eta>#<callId>
// calls of an agent, ordered by ETA               byOwner: gsi3pk = AGENT#<agentId>     gsi3sk = CALL#<eta>#<callId>
// idempotency records (Powertools)                pk = idempotency#<route>               sk = <hash>   (ttl)
//
// Later capabilities reuse the same indexes: open reviews and open alerts of a port go on byStatus
// (PORT#<port>#REVIEW#OPEN …), devices on pk = DEVICE#<id>.

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

export const keys = {
  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  callPartition: (callId: string) => `CALL#${callId}`,
  audit: (callId: string, seq: number) => ({ pk: `CALL#${callId}`, sk: `AUDIT#${String(seq).padStart(6, '0')}` }),
  auditPrefix: 'AUDIT#',
  callByPort: (port: string, eta: string, callId: string) => ({
    gsi1pk: `PORT#${port}`,
    gsi1sk: `CALL#${eta}#${callId}`,
  }),
  callByStatus: (port: string, status: string, eta: string, callId: string) => ({
    gsi2pk: `PORT#${port}#CALL#${status}`,
    gsi2sk: `${eta}#${callId}`,
  }),
  callByOwner: (agentId: string, eta: string, callId: string) => ({
    gsi3pk: `AGENT#${agentId}`,
    gsi3sk: `CALL#${eta}#${callId}`,
  }),
} as const;
