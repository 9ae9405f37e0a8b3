// The words of the border view of persons, in English and Chinese: labels, landing permissions
// and their basis, visitors' permits and purposes.
// Labels of this component only, beside it so the page's shared labels stay untouched.
export const LABELS = {
  border: { en: 'Border control of persons', zh: '人员边检' },
  visitors: { en: 'Visitors on a boarding permit', zh: '登轮许可访客' },
  presence: { en: 'Where', zh: '位置' },
  landing: { en: 'Landing', zh: '登陆许可' },
  window: { en: 'Pass window', zh: '有效期' },
  reason: { en: 'Officer’s note', zh: '原因' },
  why: { en: 'Why (kept for officers and the audit trail)', zh: '理由（仅边检人员可见，记入审计）' },
  shorePass: { en: 'Shore pass', zh: '准予登陆' },
  refuse: { en: 'Refuse landing', zh: '不准登陆' },
  hold: { en: 'Hold on board', zh: '留船' },
  wholeCrew: { en: 'the whole crew', zh: '全体船员' },
  selected: { en: 'the selected persons', zh: '所选人员' },
  from: { en: 'From (default: arrival)', zh: '起（默认抵港）' },
  until: { en: 'Until (default: departure)', zh: '止（默认离港）' },
  grant: { en: 'Grant', zh: '批准' },
  refusePermit: { en: 'Refuse', zh: '拒绝' },
  missing: { en: 'Missing', zh: '未归船' },
  none: { en: 'No visitors', zh: '无访客' },
  ref: { en: 'Ref', zh: '编号' },
  name: { en: 'Name', zh: '姓名' },
  list: { en: 'List', zh: '名单' },
  company: { en: 'Company · purpose', zh: '单位 · 事由' },
  permit: { en: 'Permit', zh: '许可' },
  select: { en: 'Select persons', zh: '选择人员' },
  selectAll: { en: 'Select everyone', zh: '全选' },
} as const;

export type Words = Record<string, { en: string; zh: string }>;
// What a landing permission, its basis and a visitor's permit say, in words.
export const LANDING: Words = {
  SHORE_PASS: { en: 'Shore pass', zh: '准予登陆' },
  REFUSED: { en: 'Refused', zh: '不准登陆' },
  HELD_ON_BOARD: { en: 'Held on board', zh: '留船' },
  NOT_YET_CLEARED: { en: 'Not yet cleared', zh: '尚未放行' },
  NONE: { en: 'No pass', zh: '无登陆证' },
};
export const BASIS: Words = {
  PERSON: { en: 'for this person', zh: '个人决定' },
  CREW: { en: 'for the crew', zh: '全体船员' },
  PORT_DEFAULT: { en: 'port default', zh: '口岸默认' },
  SIGN_OFF: { en: 'signing off', zh: '离船' },
  ARRIVAL_NOT_CLEARED: { en: 'arrival not cleared', zh: '抵港未放行' },
};
export const VISITOR: Words = {
  REQUESTED: { en: 'Requested', zh: '已申请' },
  GRANTED: { en: 'Granted', zh: '已批准' },
  REFUSED: { en: 'Refused', zh: '已拒绝' },
};
export const PURPOSE: Words = {
  PILOT: { en: 'Pilot', zh: '引航员' },
  SURVEYOR: { en: 'Surveyor', zh: '验船师' },
  AGENT_STAFF: { en: 'Agent staff', zh: '代理人员' },
  CHANDLER: { en: 'Chandler', zh: '船舶供应商' },
  REPAIR_CREW: { en: 'Repair crew', zh: '修理人员' },
  OTHER: { en: 'Other', zh: '其他' },
};
