// What the agents' portal's browser tests share: a page signed in as an agent, the portal's own
// words to find things by (in either language), and an IMO-template crew list with one error.
import type { Browser, Page } from 'playwright-core';
import { crewRow, imoWorkbook, passengerRow } from '#local/spreadsheets.ts';
import { type Word, say } from '../../dashboard/src/agent/words.ts';
import { crewMember } from './fixtures.ts';
import type { TestSystem } from './runtime.ts';

export type Lang = 'en' | 'zh';

/** A new page signed in (development sign-in) as an agent of `agentId`, in `lang`. */
export async function agentPage(
  browser: Browser,
  sys: TestSystem,
  options: { width?: number; lang?: Lang; agentId?: string } = {},
): Promise<Page> {
  const agentId = options.agentId ?? 'ACME-SHIPPING';
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: 900 },
    acceptDownloads: true,
    // As the officers' pages are tested: Cloudscape shows what appears at once, never half faded in.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  page.setDefaultTimeout(15_000);
  const token = await sys.token({ role: 'agent', agentId });
  await page.addInitScript(
    ([session, lang]) => {
      if (!localStorage.getItem('three-zeros-session')) localStorage.setItem('three-zeros-session', session!);
      if (!localStorage.getItem('three-zeros-lang')) localStorage.setItem('three-zeros-lang', lang!);
    },
    [JSON.stringify({ token, role: 'agent', agentId }), options.lang ?? 'en'],
  );
  return page;
}

/** The portal's words in `lang`, as the page shows them. */
export const wordsIn =
  (lang: Lang) =>
  (key: Word, values: Record<string, string | number> = {}) =>
    say(key, lang, values);

/** A passenger travelling with them, on the template's other sheet. */
export const PASSENGER = {
  ref: 'P0001',
  familyName: 'Müller',
  givenNames: 'José',
  nationality: 'DEU',
  gender: 'X' as const,
  dateOfBirth: '1988-02-29',
  document: { type: 'PASSPORT' as const, number: 'C01X00T47', issuingState: 'D', expiry: '2033-06-30' },
  transit: false,
};

/** The master and a second officer; the officer's document expiry is not a date (row 20, column K). */
export const CREW = [
  crewMember('C01', { familyName: 'LI', givenNames: 'Wei', rank: 'MASTER', nationality: 'CHN' }),
  crewMember('C02', { familyName: 'Ólafsdóttir', givenNames: 'Þóra', rank: 'CHIEF_OFFICER', nationality: 'ISL' }),
];

/** The IMO template with both lists, one date in the crew list impossible. */
export async function crewListWithABadDate(): Promise<Buffer> {
  const second = crewRow(CREW[1]!, 2);
  second[9] = '2031/13/45';
  return imoWorkbook({ crew: [crewRow(CREW[0]!, 1), second], passengers: [passengerRow(PASSENGER, 1)] });
}

/** `YYYY/MM/DD` of a day `days` from now, as the date fields take it. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');
}
