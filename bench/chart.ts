// A small SVG chart of the simulation: per day of arrival, the shares of calls with zero waiting
// and zero delay, and the run's contactless share.
export function chart(
  days: { day: string; zeroWaitingShare: number | null; zeroDelayShare: number | null }[],
  figures: { contactlessShare: number | null },
): string {
  const contactless = figures.contactlessShare ?? 0;
  const title = 'Three zeros by day of arrival';
  const legend = `blue: zero waiting, green: zero delay; dashed: contactless share (${Math.round(contactless * 100)}%)`;
  // Wide enough for the title and legend even for a one-day run (sans-serif: about 0.6 em a character).
  const w = Math.max(
    80 + days.length * 60,
    20 + Math.ceil(textWidth(legend, 11)),
    20 + Math.ceil(textWidth(title, 13)),
  );
  const h = 260;
  const y = (share: number | null) => 220 - (share ?? 0) * 180;
  const bars = days
    .map((d, i) => {
      const x = 60 + i * 60;
      return (
        `<rect x="${x}" y="${y(d.zeroWaitingShare)}" width="20" height="${220 - y(d.zeroWaitingShare)}" fill="#0972d3"/>` +
        `<rect x="${x + 22}" y="${y(d.zeroDelayShare)}" width="20" height="${220 - y(d.zeroDelayShare)}" fill="#037f0c"/>` +
        `<text x="${x + 21}" y="238" font-size="10" text-anchor="middle">${d.day.slice(5)}</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif">
<text x="10" y="16" font-size="13">${title}</text>
<text x="10" y="31" font-size="11">${legend}</text>
<line x1="50" y1="220" x2="${w - 10}" y2="220" stroke="#999"/><line x1="50" y1="40" x2="50" y2="220" stroke="#999"/>
<text x="45" y="44" font-size="10" text-anchor="end">100%</text><text x="45" y="222" font-size="10" text-anchor="end">0%</text>
${bars}
<line x1="50" y1="${y(contactless)}" x2="${w - 10}" y2="${y(contactless)}" stroke="#8d6605" stroke-dasharray="4 3"/>
</svg>
`;
}

/**
 * The benchmark's goals as bars: each figure as a share of its goal, oriented so that 100 % or
 * more means met (for "at most" goals, goal ÷ figure), with a line at the goal.
 */
export function goalsChart(rows: { label: string; value: number; goal: number; atMost: boolean }[]): string {
  const h = 40 + rows.length * 28;
  const x = (share: number) => 260 + Math.min(share, 2) * 200;
  const bars = rows
    .map((r, i) => {
      const share = r.atMost ? r.goal / r.value : r.value / r.goal;
      const y = 30 + i * 28;
      const fill = share >= 1 ? '#037f0c' : '#d91515';
      return (
        `<text x="250" y="${y + 14}" font-size="11" text-anchor="end">${r.label}</text>` +
        `<rect x="260" y="${y}" width="${x(share) - 260}" height="18" fill="${fill}"/>` +
        `<text x="${x(share) + 4}" y="${y + 14}" font-size="10">${r.value} (goal ${r.atMost ? '≤' : '≥'} ${r.goal})</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${h}" font-family="sans-serif">
<text x="10" y="18" font-size="13">Benchmark figures as a share of their goals — green: met, red: missed; the line is the goal</text>
${bars}
<line x1="${x(1)}" y1="26" x2="${x(1)}" y2="${h - 6}" stroke="#000" stroke-dasharray="4 3"/>
</svg>
`;
}

/** The width `text` takes at `fontSize` px, estimated: sans-serif averages about 0.6 em a character. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}
