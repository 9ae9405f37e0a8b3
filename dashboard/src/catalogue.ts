// Words for the codes the API speaks — call statuses, review reasons, alert rules, persons'
// dangers, agencies, audit actions — in English and Chinese, keyed by the same stable codes the
// API's bilingual messages carry (`rule`, `code`). One catalogue: every page asks it.

/** The languages of the interface. */
export type Lang = 'en' | 'zh';

type Words = { en: string; zh: string };
const w = (en: string, zh: string): Words => ({ en, zh });

export const STATUS: Record<string, Words> = {
  DRAFT: w('Announced, not declared', '已预报，未申报'),
  SUBMITTED: w('Declared, being checked', '已申报，核查中'),
  // The one review status is becoming two (arrival, departure); all three read right.
  IN_REVIEW: w('Waiting for an officer', '待人工审核'),
  ARRIVAL_REVIEW: w('Arrival waiting for an officer', '入境待人工审核'),
  DEPARTURE_REVIEW: w('Departure waiting for an officer', '出境待人工审核'),
  ARRIVAL_INSPECTION: w('On-board inspection ordered', '已决定登轮检查'),
  ARRIVAL_CLEARED: w('Cleared to arrive', '已准予入境'),
  IN_PORT: w('In port', '在港'),
  DEPARTURE_SUBMITTED: w('Departure declared', '已申报出境'),
  DEPARTURE_CLEARED: w('Cleared to sail', '已准予出境'),
  DEPARTED: w('Sailed', '已离港'),
  REJECTED: w('Refused', '不予放行'),
  CANCELLED: w('Cancelled', '已取消'),
};

export const CLEARANCE: Record<string, Words> = {
  RUNNING: w('being checked', '核查中'),
  IN_REVIEW: w('waiting for an officer', '待人工审核'),
  INSPECTION: w('on-board inspection', '登轮检查中'),
  CLEARED: w('cleared', '已放行'),
  REJECTED: w('refused', '不予放行'),
  AMENDMENT_REQUESTED: w('amendment requested', '已要求补正'),
  SUPERSEDED: w('replaced by a newer version', '已被新版本取代'),
  FAILED: w('failed', '失败'),
};

export const REASON: Record<string, Words> = {
  WATCH_LIST_HIT: w('Person on the watch list', '人员命中布控名单'),
  VESSEL_WATCH_LISTED: w('Vessel on the watch list', '船舶命中布控名单'),
  FLAG_WATCH_LISTED: w('Flag on the watch list', '船旗国命中布控名单'),
  ISSC_EXPIRED: w('Ship security certificate expires before departure', '船舶保安证书在离港前到期'),
  NO_SHIP_SECURITY_PLAN: w('No approved ship security plan on board', '船上无经批准的保安计划'),
  SECURITY_LEVEL_RAISED: w('Ship at a raised security level', '船舶处于较高保安等级'),
  PORT_SECURITY_LEVEL_RAISED: w('Raised security level at a previous port', '此前挂靠港保安等级提高'),
  SHIP_TO_SHIP_ACTIVITY: w('Ship-to-ship activity declared', '申报有船对船活动'),
  DEATH_ON_BOARD: w('Death on board during the voyage', '航行中船上有人死亡'),
  SUSPECTED_INFECTIOUS_ILLNESS: w('Illness suspected to be infectious', '疑似传染病'),
  ILL_PERSONS: w('Ill persons on board', '船上有患病人员'),
  STOWAWAYS: w('Stowaways found on board', '船上发现偷渡者'),
  SICK_ANIMALS: w('Sick animals on board', '船上有患病动物'),
  AFFECTED_AREA_VISITED: w('Visited an area with a public-health event', '到过发生公共卫生事件的地区'),
  SANITATION_CERTIFICATE_EXPIRED: w('Ship sanitation certificate expired', '船舶卫生证书已过期'),
  UNRESOLVED_HIGH_ALERT: w('A high alert is still open', '仍有未处置的高级别告警'),
  AGENCY_HOLD: w('Held by another agency', '其他部门暂扣'),
  SAILING_PERSON_ASHORE: w('Someone sailing is still ashore', '随船离港人员仍在岸上'),
  SIGN_ON_NOT_BOARDED: w('Crew signing on has not boarded', '上船船员尚未登轮'),
  SIGN_OFF_STILL_ON_BOARD: w('Crew signing off is still on board', '下船船员仍在船上'),
  ON_BOARD_NOT_LISTED: w('On board but not on the departure list', '在船但不在出境名单上'),
  COUNT_MISMATCH: w('Persons on board do not match the list', '在船人数与名单不符'),
  PERSON_UNACCOUNTED: w('A person is unaccounted for', '有人员去向不明'),
};

export const ALERT_RULE: Record<string, Words> = {
  NOT_ON_LIST: w('Not on the crew or passenger list', '不在船员或旅客名单上'),
  LOW_MATCH: w('Face does not match well', '人脸比对分数低'),
  LIVENESS_FAILED: w('Liveness check failed', '活体检测未通过'),
  DOCUMENT_EXPIRED: w('Identity document expired', '证件已过期'),
  AFTER_DEPARTURE_CLEARANCE: w('Passed the gangway after departure clearance', '出境放行后仍有通行'),
  SHORE_LEAVE_OVERDUE: w('Ashore past the shore-leave limit', '登陆超时未归'),
  CLOCK_SKEW: w('Device clock is wrong', '设备时钟偏差'),
  BOARDED_TWICE: w('Boarded twice without landing', '未登陆却重复登轮'),
  BEFORE_ARRIVAL: w('Scan dated before the ship arrived', '通行时间早于船舶抵港'),
  AFTER_DEPARTURE: w('Scan after the ship sailed', '船舶离港后的通行'),
  LANDING_BEFORE_CLEARANCE: w('Landed before the arrival was cleared', '抵港放行前登陆'),
  LANDING_NOT_PERMITTED: w('Landed without permission', '未经准许登陆'),
  LANDING_OUTSIDE_PASS: w('Landed outside the shore pass', '超出登陆证有效期登陆'),
  VISITOR_NOT_PERMITTED: w('Visitor without a granted permit', '访客未获登轮许可'),
  VISITOR_OUTSIDE_PERMIT: w('Visitor outside the permit window', '访客超出许可时段'),
  PERSON_MISSING: w('Did not return before sailing', '开航前未归船'),
};

export const SEVERITY: Record<string, Words> = {
  HIGH: w('High', '高'),
  MEDIUM: w('Medium', '中'),
  LOW: w('Low', '低'),
  MAJOR: w('Major', '重大'),
  MINOR: w('Minor', '一般'),
};

export const ALERT_STATUS: Record<string, Words> = {
  OPEN: w('Open', '待处理'),
  ACKNOWLEDGED: w('Taken', '已认领'),
  RESOLVED: w('Resolved', '已处置'),
};

export const DANGER: Record<string, Words> = {
  UNDECLARED: w('Not on any list', '未申报人员'),
  OVERDUE: w('Overdue ashore', '登陆超时'),
  MISSING: w('Missing at sailing', '离港时未在船'),
};

export const PRESENCE: Record<string, Words> = {
  ON_BOARD: w('On board', '在船'),
  ASHORE: w('Ashore', '在岸'),
  UNKNOWN: w('Not seen', '未知'),
};

export const LIST: Record<string, Words> = {
  CREW: w('Crew', '船员'),
  PASSENGER: w('Passenger', '旅客'),
  NOT_DECLARED: w('Not declared', '未申报'),
};

export const AGENCY: Record<string, Words> = {
  customs: w('Customs (incl. quarantine)', '海关（含检疫）'),
  'maritime-safety': w('Maritime Safety Administration', '海事局'),
  'port-dues': w('Port dues', '港口费'),
};

export const KIND: Record<string, Words> = {
  ARRIVAL: w('Arrival', '入境'),
  DEPARTURE: w('Departure', '出境'),
  arrival: w('Arrival', '入境'),
  departure: w('Departure', '出境'),
};

export const DECISION: Record<string, Words> = {
  APPROVE: w('Approve', '放行'),
  APPROVE_WITH_CONDITIONS: w('Approve with conditions', '附条件放行'),
  REFUSE_ENTRY: w('Refuse entry of persons', '拒绝人员入境'),
  ORDER_INSPECTION: w('Order an on-board inspection', '决定登轮检查'),
  REJECT: w('Refuse', '不予放行'),
  REQUEST_AMENDMENT: w('Ask for an amendment', '要求补正'),
};

export const ROLE: Record<string, Words> = {
  officer: w('Officer', '检查员'),
  supervisor: w('Supervisor', '值班主管'),
  agent: w('Agent', '代理'),
  system: w('System', '系统'),
  device: w('Gangway device', '舷梯设备'),
};

export const PERMIT_STATUS: Record<string, Words> = {
  VALID: w('Valid', '有效'),
  SUSPENDED: w('Suspended', '已暂停'),
  SUPERSEDED: w('Replaced by a newer version', '已被新版本取代'),
  REVOKED: w('Revoked', '已撤销'),
};

export const DEVICE_STATUS: Record<string, Words> = {
  ACTIVE: w('Active', '使用中'),
  RETIRED: w('Retired', '已停用'),
};

export const DEVICE_KIND: Record<string, Words> = {
  FACE: w('Face', '人脸'),
  CARD: w('Card', '证件'),
  FACE_AND_CARD: w('Face and card', '人脸和证件'),
};

export const ACTION: Record<string, Words> = {
  CALL_ANNOUNCED: w('Call announced', '船舶预报'),
  CALL_CANCELLED: w('Call cancelled', '预报取消'),
  ARRIVAL_DECLARED: w('Arrival declared', '入境申报'),
  ARRIVAL_AMENDED: w('Arrival amended', '入境申报补正'),
  ARRIVAL_SCHEDULE_AMENDED: w('Arrival re-dated', '抵港时间变更'),
  DEPARTURE_SCHEDULE_AMENDED: w('Departure re-dated', '离港时间变更'),
  RISK_ASSESSED: w('Risk assessed', '风险评估'),
  REVIEW_OPENED: w('Sent to an officer', '转人工审核'),
  REVIEW_ESCALATED: w('Review escalated', '审核升级'),
  ARRIVAL_CLEARED: w('Cleared to arrive', '准予入境'),
  ARRIVAL_REJECTED: w('Arrival refused', '入境不予放行'),
  ARRIVAL_AMENDMENT_REQUESTED: w('Arrival amendment requested', '要求补正入境申报'),
  AMENDMENT_REQUESTED: w('Arrival amendment requested', '要求补正入境申报'),
  SHIP_ARRIVED: w('Ship berthed', '船舶靠泊'),
  DEPARTURE_DECLARED: w('Departure declared', '出境申报'),
  DEPARTURE_SUBMITTED: w('Departure declared', '出境申报'),
  DEPARTURE_AMENDED: w('Departure amended', '出境申报补正'),
  DEPARTURE_CHECKED: w('Departure checked', '出境核查'),
  DEPARTURE_RECHECKED: w('Departure checked again', '出境复查'),
  DEPARTURE_HELD: w('Departure held', '出境暂扣'),
  DEPARTURE_CLEARED: w('Cleared to sail', '准予出境'),
  DEPARTURE_AMENDMENT_REQUESTED: w('Departure amendment requested', '要求补正出境申报'),
  DEPARTURE_PERMIT_SUSPENDED: w('Departure permit suspended', '出境许可暂停'),
  SHIP_DEPARTED: w('Ship sailed', '船舶离港'),
  CLEARANCE_FAILED: w('Clearance failed', '通关处理失败'),
  CLEARANCE_REDRIVEN: w('Clearance run again', '通关重新执行'),
  INSPECTION_ORDERED: w('On-board inspection ordered', '决定登轮检查'),
  ATA_CONFIRMED: w('Arrival time confirmed', '抵港时间已确认'),
  ATD_CONFIRMED: w('Departure time confirmed', '离港时间已确认'),
  AGENCY_ANSWERED: w('Agency answered', '联检单位答复'),
  ALERT_RESOLVED: w('Alert resolved', '告警已处置'),
  DEVICE_REGISTERED: w('Device registered', '设备登记'),
  DEVICE_ASSIGNED: w('Device assigned', '设备分配'),
  DEVICE_UNASSIGNED: w('Device taken off', '设备撤回'),
  DEVICE_KEY_ROTATED: w('Device key rotated', '设备密钥更换'),
  DEVICE_RETIRED: w('Device retired', '设备停用'),
  WATCHLIST_LOADED: w('Watch list loaded', '布控名单导入'),
  AEO_TRUST_GRANTED: w('AEO trust granted', '认定为AEO企业'),
  AEO_TRUST_WITHDRAWN: w('AEO trust withdrawn', '取消AEO认定'),
};

/** The words for a code, or the code itself when the catalogue does not know it yet. */
export function say(table: Record<string, Words>, code: string | undefined, lang: Lang): string {
  if (!code) return '—';
  return table[code]?.[lang] ?? code;
}
