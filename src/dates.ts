// Dates inside riskpay are whole days since 1970-01-01 (UTC day numbers), so no result depends on the
// machine's time zone and date arithmetic is plain integer arithmetic.

const MS_PER_DAY = 86_400_000;

/** Returns the day number of a calendar date, or null when the date does not exist (no rollover). */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-31 over to 2024-03-02; reject instead.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Formats a day number as YYYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses a strict ISO date YYYY-MM-DD, or returns null. */
export function parseIsoDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Today's day number in UTC. */
export function today(): number {
  return Math.floor(Date.now() / MS_PER_DAY);
}
