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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Returns the day number of the last day of the month that contains `day`. It uses integer
 * arithmetic on the proleptic Gregorian calendar, counted in 400-year eras from March. Feature replay
 * calls it once per debtor per month, and a Date object per call showed in profiles.
 */
export function lastDayOfMonth(day: number): number {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return day + (length - dayOfMonth);
}

/**
 * Formatted days. Scoring a large ledger formats the same few thousand days hundreds of thousands of
 * times (plan rows, reason texts), and each new Date and ISO string showed in profiles.
 */
const formattedDays = new Map<number, string>();
const MAX_FORMATTED_DAYS = 100_000;

/** Formats a day number as YYYY-MM-DD. */
export function formatDay(day: number): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formattedDays.size < MAX_FORMATTED_DAYS) formattedDays.set(day, text);
  }
  return text;
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
