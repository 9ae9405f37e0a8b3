// Labels in English and Chinese; the choice is kept in the browser and sent as Accept-Language.
import { useSyncExternalStore } from 'react';

const LABELS = {
  title: { en: 'Three Zeros — border clearance', zh: '“三零”边检通关' },
  overview: { en: 'Port overview', zh: '口岸概览' },
  reviews: { en: 'Review queue', zh: '待审核' },
  alerts: { en: 'Alerts', zh: '告警' },
  devices: { en: 'Devices', zh: '设备' },
  signOut: { en: 'Sign out', zh: '退出' },
  signIn: { en: 'Sign in', zh: '登录' },
  signInCognito: {
    en: "Sign in with your port's account (Amazon Cognito).",
    zh: '使用口岸账号登录（Amazon Cognito）。',
  },
  role: { en: 'Role', zh: '角色' },
  port: { en: 'Port (UN/LOCODE)', zh: '口岸代码' },
  zeroWaiting: { en: 'Zero waiting', zh: '抵港零等待' },
  zeroDelay: { en: 'Zero delay', zh: '离港零延时' },
  contactless: { en: 'Contactless passes', zh: '零接触通行' },
  medianReview: { en: 'Median time in review', zh: '审核用时中位数' },
  expected: { en: 'Expected (next 72 h)', zh: '预抵（72小时内）' },
  inPort: { en: 'In port', zh: '在港' },
  departing: { en: 'Departing', zh: '离港中' },
  vessel: { en: 'Vessel', zh: '船舶' },
  status: { en: 'Status', zh: '状态' },
  reasons: { en: 'Reasons', zh: '原因' },
  deadline: { en: 'Deadline', zh: '截止时间' },
  approve: { en: 'Approve', zh: '放行' },
  reject: { en: 'Reject', zh: '不予放行' },
  amend: { en: 'Request amendment', zh: '要求补正' },
  reason: { en: 'Reason', zh: '理由' },
  arrival: { en: 'Arrival clearance', zh: '入境通关' },
  departure: { en: 'Departure clearance', zh: '出境通关' },
  clearanceFailed: { en: 'failed', zh: '失败' },
  redrive: { en: 'Re-drive', zh: '重新执行' },
  redriveHint: {
    en: 'Once the cause is fixed, re-drive it: the same declaration is checked again.',
    zh: '原因排除后可重新执行：同一申报将再次核查。',
  },
  cancel: { en: 'Cancel', zh: '取消' },
  confirm: { en: 'Confirm', zh: '确认' },
  noReviews: {
    en: 'No reviews waiting. Calls that need an officer appear here.',
    zh: '暂无待审核。需要人工审核的船舶会出现在这里。',
  },
  noAlerts: {
    en: 'No open alerts. Gangway devices raise them here.',
    zh: '暂无告警。舷梯设备产生的告警会出现在这里。',
  },
  noCalls: {
    en: 'No calls in this period. Agents announce them through the API.',
    zh: '此期间无船舶。代理通过接口申报。',
  },
  acknowledge: { en: 'Acknowledge', zh: '认领' },
  resolve: { en: 'Resolve', zh: '处置' },
  rule: { en: 'Rule', zh: '规则' },
  person: { en: 'Person', zh: '人员' },
  raised: { en: 'Raised', zh: '时间' },
  timeline: { en: 'Timeline', zh: '处理记录' },
  persons: { en: 'Persons on board', zh: '船上人员' },
  permits: { en: 'Permits', zh: '许可' },
  declarations: { en: 'Declarations', zh: '申报' },
  register: { en: 'Register device', zh: '登记设备' },
  keyOnce: { en: 'Store this key in the device now: it is shown once.', zh: '请立即写入设备：密钥只显示一次。' },
  assign: { en: 'Assign to call', zh: '分配至船舶' },
  rotate: { en: 'Rotate key', zh: '更换密钥' },
  retire: { en: 'Retire', zh: '停用' },
  label: { en: 'Label', zh: '名称' },
  unassign: { en: 'Take off call', zh: '解除分配' },
  noDevices: {
    en: 'No devices yet: register one above, then assign it to a ship in port.',
    zh: '暂无设备：请在上方登记，再分配至在港船舶。',
  },
  noCallsToAssign: { en: 'No ship is cleared for arrival or in port.', zh: '没有已准予入境或在港的船舶。' },
  chooseCall: { en: 'Choose a ship', zh: '选择船舶' },
  retireHint: {
    en: 'The device stops working at once and cannot be used again.',
    zh: '设备将立即停用，且不能再次使用。',
  },
  loading: { en: 'Loading…', zh: '加载中…' },
  live: { en: 'Live', zh: '实时' },
  today: { en: 'Today', zh: '今天' },
  days7: { en: '7 days', zh: '7天' },
  days30: { en: '30 days', zh: '30天' },
} as const;

export type Label = keyof typeof LABELS;
type Lang = 'en' | 'zh';

let lang: Lang = (localStorage.getItem('three-zeros-lang') as Lang) ?? 'en';
const listeners = new Set<() => void>();

export function setLang(next: Lang) {
  lang = next;
  localStorage.setItem('three-zeros-lang', next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function useT() {
  const current = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => lang,
  );
  return { t: (key: Label) => LABELS[key][current], lang: current };
}
