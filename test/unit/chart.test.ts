// The simulation's chart keeps its title and legend inside the picture, however few days it shows.
import { describe, expect, it } from 'vitest';
import { chart, textWidth } from '../../bench/chart.ts';

const day = (d: string) => ({ day: d, zeroWaitingShare: 1, zeroDelayShare: 0.5 });

describe('simulation chart', () => {
  it.each([
    ['one day', [day('2026-12-01')]],
    ['ten days', Array.from({ length: 10 }, (_, i) => day(`2026-12-${String(i + 1).padStart(2, '0')}`))],
  ])('fits every line of text for %s', (_name, days) => {
    const svg = chart(days, { contactlessShare: 0.97 });
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const texts = [...svg.matchAll(/<text x="(\d+)"[^>]*font-size="(\d+)"[^>]*>([^<]+)<\/text>/g)];
    expect(texts.length).toBeGreaterThan(3);
    for (const [, x, size, text] of texts) {
      if (svg.includes(`x="${x}" y="238"`)) continue; // day labels sit centred under their bars
      expect(Number(x) + textWidth(text!, Number(size)), text).toBeLessThanOrEqual(width);
    }
    expect(svg).toContain('contactless share (97%)');
  });
});
