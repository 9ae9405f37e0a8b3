// Free text that people type (reasons, notices, company names) is not a place for document scans:
// a machine-readable-zone line or an embedded image is refused by what it contains, whatever the
// field is called (ICAO 9303 TD1/TD2/TD3 lines are 30, 36 or 44 characters of A–Z, 0–9 and "<").
import * as z from 'zod';
import { type Violation, violation } from '#shared/i18n.ts';

export const FreeText = (min: number, max: number) => z.string().trim().min(min).max(max);

const MRZ_LINE = /[A-Z0-9<]{30,}/;
const DATA_URI = /data:[\w/+.-]*;base64,/i;
const BASE64_RUN = /[A-Za-z0-9+/]{80,}={0,2}/;

/** What a string looks like that free text must not carry, or undefined when it is plain text. */
export function sensitiveContent(text: string): 'MRZ_LINE' | 'EMBEDDED_DATA' | undefined {
  const compact = text.replace(/\s+/g, '');
  if (DATA_URI.test(compact) || BASE64_RUN.test(compact)) return 'EMBEDDED_DATA';
  // A run of the MRZ alphabet with its filler character: names and reasons never have one.
  const run = compact.toUpperCase().match(MRZ_LINE)?.[0];
  if (run?.includes('<')) return 'MRZ_LINE';
  return undefined;
}

/** Every string in `value` (a parsed request) that carries an MRZ line or embedded data. */
export function sensitiveTextViolations(value: unknown, path = ''): Violation[] {
  if (typeof value === 'string') {
    const found = sensitiveContent(value);
    if (!found) return [];
    return [
      found === 'MRZ_LINE'
        ? violation(
            path,
            'MRZ_REFUSED',
            'looks like a machine-readable zone line: give the document number and expiry, never the MRZ',
            '疑似证件机读区内容：请只填写证件号码和有效期，不要填写机读区',
          )
        : violation(
            path,
            'EMBEDDED_DATA_REFUSED',
            'carries an embedded file or long encoded data: images and scans are never accepted',
            '包含嵌入文件或长编码数据：不接受图像或扫描件',
          ),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => sensitiveTextViolations(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => sensitiveTextViolations(v, path ? `${path}.${k}` : k));
  return [];
}
