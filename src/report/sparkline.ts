// A one-line chart of days late per settled invoice, for the terminal table.

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** Days late that fill the highest bar at least; keeps a debtor who is 2 days late from looking alarming. */
const MIN_SCALE_DAYS = 30;

/** Draws one bar per value; on time or early is the lowest bar. */
export function sparkline(daysLate: readonly number[]): string {
  if (daysLate.length === 0) return '';
  const scale = Math.max(MIN_SCALE_DAYS, ...daysLate);
  return daysLate
    .map((days) => {
      const level = Math.round((Math.max(0, days) / scale) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}
