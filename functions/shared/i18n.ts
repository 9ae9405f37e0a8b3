// Messages an agent can act on, in English or Chinese (Accept-Language: zh). Rules return both
// texts; the error mapping picks the caller's language.
import zhCN from 'zod/v4/locales/zh-CN.js';

export type Lang = 'en' | 'zh';

export function langOf(acceptLanguage: string | undefined): Lang {
  // The first language range wins; quality values are not worth more here.
  return /^\s*zh\b/i.test(acceptLanguage ?? '') ? 'zh' : 'en';
}

/** A broken rule at a path, with its stable code and its message in both languages. */
export interface Violation {
  path: string;
  rule: string;
  en: string;
  zh: string;
}

export function violation(path: string, rule: string, en: string, zh: string): Violation {
  return { path, rule, en, zh };
}

/** zod's own messages in the caller's language (messages written into a schema stay English).
 *  Only this locale is imported, so bundles do not carry zod's other forty. */
export function zodErrorMap(lang: Lang) {
  return lang === 'zh' ? zhCN().localeError : undefined;
}
