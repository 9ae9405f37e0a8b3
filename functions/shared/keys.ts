// Every key of the single table, and the complete list of access patterns they serve. Stores build
// keys only through `keys`; nothing else in the code writes a prefix. The table's shape (attribute
// and index names) is in table.ts.
//
// Access pattern                                  table / index  partition key                       sort key
// ──────────────────────────────────────────────  ─────────────  ──────────────────────────────────  ─────────────────────────────
// a call (status, clearances, permits, version)   table          CALL#<callId>                       CALL
// the call's audit trail, in order                table          CALL#<callId>                       AUDIT#<seq 6>
// arrival declaration versions                    table          CALL#<callId>                       ARRIVAL#<version 6>
// departure declaration versions                  table          CALL#<callId>                       DEPARTURE#<version 6>
// a large declaration version's gzipped parts      table          CALL#<callId>                       <KIND>#<version 6>#PART#<writeId>#<n 3>
// a gangway event (dedup by device event id)      table          CALL#<callId>                       EVENT#<eventId>        (ttl)
// persons' presence on a call                     table          CALL#<callId>                       PERSON#<ref>
// agencies' answers for a call                    table          CALL#<callId>                       AGENCY#<agency>
// landing decisions of a call (crew-wide, person)  table          CALL#<callId>                       LANDING#CREW | LANDING#PERSON#<ref>
// visitors' boarding permits of a call            table          CALL#<callId>                       VISITOR#<visitorId>
// officers' decisions to sail without a person    table          CALL#<callId>                       MISSING#<ref>
// one voyage announced once per port              table          VOYAGE#<imo>#<voyage>#<port>        VOYAGE
// a permit's verification code                    table          PERMITCODE#<code>                   PERMIT
// a review                                        table          REVIEW#<reviewId>                   REVIEW
// an alert                                        table          ALERT#<alertId>                     ALERT
// a device                                        table          DEVICE#<deviceId>                   DEVICE
// an agent's AEO trust at a port                  table          AGENT#<agentId>                     TRUST#<port>
// an entry of a port's watch list                 table          WATCH#<port>#<key>                  WATCH
// a port-level audit chain's entries, in order    table          AUDITCHAIN#<chain>                  ENTRY#<seq 6>
// the audit entries of a day, for its root       table          AUDITDAY#<yyyy-mm-dd>               <chain>#<seq 6>
// a day's signed Merkle root                      table          AUDITROOT#<yyyy-mm-dd>              ROOT
// calls that sailed, by ATD (declaration reduction) table         SAILED                              <atd>#<callId>
// idempotency records (Powertools)                table          IDEMPOTENCY                         <hash>                 (ttl)
// closed calls' figures, a port's day of arrival  table          PORTDAY#<port>                      DAY#<yyyy-mm-dd>       (c_<callId> each)
// their tally per agent, the days of a window     table          PORTDAY#<port>                      TALLY#<yyyy-mm-dd>
// the port's days all tallied (a one-off rebuild)  table          PORTDAY#<port>                      TALLIES
// an agent's webhook endpoint (with its secret)   table          WEBHOOK#<webhookId>                 WEBHOOK
// an endpoint's delivery log, newest first        table          WEBHOOK#<webhookId>                 DELIVERY#<deliveryId>  (ids sort by time)
// calls of a port by ETA                          byPort         PORT#<port>                         CALL#<eta>#<callId>
// devices of a port                               byPort         PORT#<port>                         DEVICE#<deviceId>
// a port's whole watch list                      byPort         WATCHLIST#<port>                    <key>
// calls of a port in one status by ETA            byStatus       PORT#<port>#CALL#<status>           <eta>#<callId>
// open reviews of a port, oldest first            byStatus       PORT#<port>#REVIEW#OPEN             <openedAt>#<reviewId>
// alerts of a port in one status                  byStatus       PORT#<port>#ALERT#<status>          <raisedAt>#<alertId>
// persons ashore, longest first (shore leave)     byStatus       ASHORE                              <capturedAt>#<callId>#<ref>
// webhook deliveries waiting for their next try   byStatus       WEBHOOKS#PENDING                    <nextAttemptAt>#<deliveryId>
// calls of an agent by ETA                        byOwner        AGENT#<agentId>                     CALL#<eta>#<callId>
// gangway events of a call by capture time        byOwner        CALLEVENTS#<callId>                 <capturedAt>#<eventId>
// reviews of a call                               byOwner        CALLREVIEWS#<callId>                <openedAt>#<reviewId>
// alerts of a call                                byOwner        CALLALERTS#<callId>                 <raisedAt>#<alertId>
// webhook endpoints of an agent                   byOwner        AGENTHOOKS#<agentId>                <createdAt>#<webhookId>
// devices assigned to a call                      byOwner        CALLDEVICES#<callId>                <deviceId>

const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  // ── items of a call (one partition) ──
  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  callPartition: (callId: string) => `CALL#${callId}`,
  audit: (callId: string, seq: number) => ({ pk: `CALL#${callId}`, sk: `AUDIT#${pad(seq)}` }),
  auditPrefix: 'AUDIT#',
  declaration: (callId: string, kind: 'arrival' | 'departure', version: number) => ({
    pk: `CALL#${callId}`,
    sk: `${kind.toUpperCase()}#${pad(version)}`,
  }),
  /** Parts of one write of a version: a write that lost its race leaves none under the winner's id. */
  declarationPart: (callId: string, kind: 'arrival' | 'departure', version: number, writeId: string, n: number) => ({
    pk: `CALL#${callId}`,
    sk: `${kind.toUpperCase()}#${pad(version)}#PART#${writeId}#${String(n).padStart(3, '0')}`,
  }),
  declarationPartPrefix: (kind: 'arrival' | 'departure', version: number, writeId: string) =>
    `${kind.toUpperCase()}#${pad(version)}#PART#${writeId}#`,
  event: (callId: string, eventId: string) => ({ pk: `CALL#${callId}`, sk: `EVENT#${eventId}` }),
  presence: (callId: string, ref: string) => ({ pk: `CALL#${callId}`, sk: `PERSON#${ref}` }),
  presencePrefix: 'PERSON#',
  agency: (callId: string, agency: string) => ({ pk: `CALL#${callId}`, sk: `AGENCY#${agency}` }),
  agencyPrefix: 'AGENCY#',
  landing: (callId: string, subject: string) => ({
    pk: `CALL#${callId}`,
    sk: subject === 'CREW' ? 'LANDING#CREW' : `LANDING#PERSON#${subject}`,
  }),
  landingPrefix: 'LANDING#',
  visitor: (callId: string, visitorId: string) => ({ pk: `CALL#${callId}`, sk: `VISITOR#${visitorId}` }),
  visitorPrefix: 'VISITOR#',
  sailWithout: (callId: string, ref: string) => ({ pk: `CALL#${callId}`, sk: `MISSING#${ref}` }),
  sailWithoutPrefix: 'MISSING#',
  // ── items of their own ──
  voyage: (imo: string, voyage: string, port: string) => ({ pk: `VOYAGE#${imo}#${voyage}#${port}`, sk: 'VOYAGE' }),
  permitCode: (code: string) => ({ pk: `PERMITCODE#${code}`, sk: 'PERMIT' }),
  review: (reviewId: string) => ({ pk: `REVIEW#${reviewId}`, sk: 'REVIEW' }),
  alert: (alertId: string) => ({ pk: `ALERT#${alertId}`, sk: 'ALERT' }),
  device: (deviceId: string) => ({ pk: `DEVICE#${deviceId}`, sk: 'DEVICE' }),
  /** An agent's AEO trust at one port: each port's supervisors decide for their port. */
  agent: (agentId: string, port: string) => ({ pk: `AGENT#${agentId}`, sk: `TRUST#${port}` }),
  /** An entry of one port's watch list. */
  watch: (port: string, key: string) => ({ pk: `WATCH#${port}#${key}`, sk: 'WATCH' }),
  auditChainEntry: (chain: string, seq: number) => ({ pk: `AUDITCHAIN#${chain}`, sk: `ENTRY#${pad(seq)}` }),
  auditChainPartition: (chain: string) => `AUDITCHAIN#${chain}`,
  auditDayEntry: (day: string, chain: string, seq: number) => ({ pk: `AUDITDAY#${day}`, sk: `${chain}#${pad(seq)}` }),
  auditDayPartition: (day: string) => `AUDITDAY#${day}`,
  auditRoot: (day: string) => ({ pk: `AUDITROOT#${day}`, sk: 'ROOT' }),
  sailed: (atd: string, callId: string) => ({ pk: 'SAILED', sk: `${atd}#${callId}` }),
  sailedPartition: 'SAILED',
  idempotencyPartition: 'IDEMPOTENCY',
  // The port-day read model: one item per port and day, one attribute per closed call (port/daily-store.ts).
  portDay: (port: string, day: string) => ({ pk: `PORTDAY#${port}`, sk: `DAY#${day}` }),
  portDays: (port: string) => `PORTDAY#${port}`,
  portDayTally: (port: string, day: string) => ({ pk: `PORTDAY#${port}`, sk: `TALLY#${day}` }),
  portTallied: (port: string) => ({ pk: `PORTDAY#${port}`, sk: 'TALLIES' }),
  closedCallAttribute: (callId: string) => `c_${callId}`,
  webhook: (webhookId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: 'WEBHOOK' }),
  delivery: (webhookId: string, deliveryId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: `DELIVERY#${deliveryId}` }),
  webhookPartition: (webhookId: string) => `WEBHOOK#${webhookId}`,
  deliveryPrefix: 'DELIVERY#',
  // ── byPort (gsi1) ──
  callByPort: (port: string, eta: string, callId: string) => ({
    gsi1pk: `PORT#${port}`,
    gsi1sk: `CALL#${eta}#${callId}`,
  }),
  portPartition: (port: string) => `PORT#${port}`,
  callItemPrefix: 'CALL#',
  deviceByPort: (port: string, deviceId: string) => ({ gsi1pk: `PORT#${port}`, gsi1sk: `DEVICE#${deviceId}` }),
  deviceOfCall: (callId: string, deviceId: string) => ({ gsi3pk: keys.callDevicesPartition(callId), gsi3sk: deviceId }),
  callDevicesPartition: (callId: string) => `CALLDEVICES#${callId}`,
  deviceItemPrefix: 'DEVICE#',
  watchListing: (port: string, key: string) => ({ gsi1pk: `WATCHLIST#${port}`, gsi1sk: key }),
  watchListPartition: (port: string) => `WATCHLIST#${port}`,
  // ── byStatus (gsi2) ──
  callByStatus: (port: string, status: string, eta: string, callId: string) => ({
    gsi2pk: `PORT#${port}#CALL#${status}`,
    gsi2sk: `${eta}#${callId}`,
  }),
  callsInStatus: (port: string, status: string) => `PORT#${port}#CALL#${status}`,
  openReviews: (port: string) => `PORT#${port}#REVIEW#OPEN`,
  openReview: (port: string, openedAt: string, reviewId: string) => ({
    gsi2pk: `PORT#${port}#REVIEW#OPEN`,
    gsi2sk: `${openedAt}#${reviewId}`,
  }),
  alertsInStatus: (port: string, status: string) => `PORT#${port}#ALERT#${status}`,
  alertByStatus: (port: string, status: string, raisedAt: string, alertId: string) => ({
    gsi2pk: `PORT#${port}#ALERT#${status}`,
    gsi2sk: `${raisedAt}#${alertId}`,
  }),
  pendingDeliveries: 'WEBHOOKS#PENDING',
  pendingDelivery: (nextAttemptAt: string, deliveryId: string) => ({
    gsi2pk: 'WEBHOOKS#PENDING',
    gsi2sk: `${nextAttemptAt}#${deliveryId}`,
  }),
  ashorePartition: 'ASHORE',
  ashore: (capturedAt: string, callId: string, ref: string) => ({
    gsi2pk: 'ASHORE',
    gsi2sk: `${capturedAt}#${callId}#${ref}`,
  }),
  // ── byOwner (gsi3) ──
  callByOwner: (agentId: string, eta: string, callId: string) => ({
    gsi3pk: `AGENT#${agentId}`,
    gsi3sk: `CALL#${eta}#${callId}`,
  }),
  agentPartition: (agentId: string) => `AGENT#${agentId}`,
  eventsOfCall: (callId: string) => `CALLEVENTS#${callId}`,
  eventOfCall: (callId: string, capturedAt: string, eventId: string) => ({
    gsi3pk: `CALLEVENTS#${callId}`,
    gsi3sk: `${capturedAt}#${eventId}`,
  }),
  reviewsOfCall: (callId: string) => `CALLREVIEWS#${callId}`,
  reviewOfCall: (callId: string, openedAt: string, reviewId: string) => ({
    gsi3pk: `CALLREVIEWS#${callId}`,
    gsi3sk: `${openedAt}#${reviewId}`,
  }),
  alertsOfCall: (callId: string) => `CALLALERTS#${callId}`,
  alertOfCall: (callId: string, raisedAt: string, alertId: string) => ({
    gsi3pk: `CALLALERTS#${callId}`,
    gsi3sk: `${raisedAt}#${alertId}`,
  }),
  webhooksOfAgent: (agentId: string) => `AGENTHOOKS#${agentId}`,
  webhookOfAgent: (agentId: string, createdAt: string, webhookId: string) => ({
    gsi3pk: `AGENTHOOKS#${agentId}`,
    gsi3sk: `${createdAt}#${webhookId}`,
  }),
} as const;
