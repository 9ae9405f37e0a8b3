// Times as the port's clocks show them, in the chosen language, with the zone named; and
// durations and relative times an officer reads at a glance ("in 3 h 20 min", "3小时20分后").
import { portTimeZone } from '../../functions/port/time-zone.ts';
import { loadSession } from './api';
import type { Lang } from './i18n';

const MINUTE = 60_000;
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** The signed-in officer's port's zone. */
export const portZone = () => portTimeZone(loadSession()?.port ?? '');

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, zone: string, withZone: boolean, withDate: boolean) {
  const key = `${lang}|${zone}|${withZone}|${withDate}`;
  if (!formats.has(key)) {
    formats.set(
      key,
      new Intl.DateTimeFormat(locale(lang), {
        timeZone: zone,
        ...(withDate && { month: 'short', day: 'numeric' }),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        // English: "GMT+8"; Chinese: the zone's name ("中国标准时间"), which needs no Latin letters.
        ...(withZone && { timeZoneName: lang === 'zh' ? 'long' : 'shortOffset' }),
      }),
    );
  }
  return formats.get(key)!;
}

/** "2 Dec, 08:16" in the port's zone; with the zone's name when `withZone`. */
export function portTime(iso: string | undefined, lang: Lang, withZone = false, zone = portZone()): string {
  if (!iso) return '—';
  return format(lang, zone, withZone, true).format(new Date(iso));
}

/** The zone's name as shown next to times, e.g. "GMT+8" or "中国标准时间". */
export function zoneName(lang: Lang, zone = portZone()): string {
  const parts = format(lang, zone, true, false).formatToParts(new Date());
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** "3 h 20 min" / "3小时20分钟"; never seconds. */
export function duration(ms: number, lang: Lang): string {
  const total = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts =
    lang === 'zh'
      ? [days && `${days}天`, hours && `${hours}小时`, !days && minutes && `${minutes}分钟`]
      : [days && `${days} d`, hours && `${hours} h`, !days && minutes && `${minutes} min`];
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/** "in 3 h 20 min" / "3 h 20 min ago", or the Chinese "3小时20分钟后" / "3小时20分钟前". */
export function relative(iso: string, lang: Lang, now = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const d = duration(ms, lang);
  if (lang === 'zh') return ms >= 0 ? `${d}后` : `${d}前`;
  return ms >= 0 ? `in ${d}` : `${d} ago`;
}
