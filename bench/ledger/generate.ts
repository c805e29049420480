// Seeded generator of a large synthetic invoice ledger for benchmarks: debtors with punctual, slow,
// chronically late, worsening and defaulting payment habits, partial payments, credit notes and
// invoices still open on the export day. Rows are produced month by month in issue-date order, so
// memory stays at one month of rows however large the ledger is.
//
// The CSV looks like a balance-style accounting export (one row per invoice):
//   InvoiceNo,CustomerNo,CustomerName,InvoiceDate,DueDate,Currency,Amount,Balance,LastPaymentDate
// Balance is the amount still open on the export day; LastPaymentDate is empty while nothing is paid.

export interface LedgerSpec {
  invoices: number;
  debtors: number;
  /** First issue day, as a UTC day number. */
  startDay: number;
  months: number;
  seed: number;
}

export const DEFAULT_SPEC: LedgerSpec = {
  invoices: 1_000_000,
  debtors: 50_000,
  startDay: Date.UTC(2022, 0, 1) / 86_400_000,
  months: 36,
  seed: 1,
};

export const LEDGER_HEADER = 'InvoiceNo,CustomerNo,CustomerName,InvoiceDate,DueDate,Currency,Amount,Balance,LastPaymentDate';

/** Counts of what the generator wrote, for checking an import against. */
export interface LedgerSummary {
  invoices: number;
  creditNotes: number;
  paid: number;
  partial: number;
  open: number;
  /** The export day: the day after the last issue month, as YYYY-MM-DD. */
  exportDate: string;
}

/** mulberry32: a small, fast 32-bit PRNG; the generator owns it so its output never depends on src/. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

type Habit = 'punctual' | 'slow' | 'late' | 'worsening' | 'defaulting';

/** Share of debtors per habit; the rest are punctual. */
const HABIT_SHARES: [Habit, number][] = [
  ['slow', 0.28],
  ['late', 0.14],
  ['worsening', 0.07],
  ['defaulting', 0.03],
];

interface Debtor {
  number: string;
  name: string;
  currency: string;
  termsDays: number;
  /** Median invoice amount in the debtor's currency. */
  typicalAmount: number;
  /** Relative invoicing rate; the busiest debtors invoice about 20 times as often as the quietest. */
  weight: number;
  firstDay: number;
  habit: Habit;
  /** For worsening and defaulting debtors: the day the habit changes. */
  turnDay: number;
}

const NAME_FIRST = ['Ågren', 'Björk', 'Lindqvist', 'Nordström', 'Ekholm', 'Sjöberg', 'Hansen', 'Müller', 'Dubois',
  'Smith', 'Virtanen', 'Jensen', 'de Vries', 'Rossi', 'Öberg', 'Karlsson', 'Novak', "O'Brien", 'Berg', 'Lund'];
const NAME_TRADE = ['Bygg', 'Måleri', 'Konsult', 'El & VVS', 'Transport', 'Café', 'Design', 'Redovisning', 'Städ',
  'Trädgård', 'Data', 'Bageri', 'Logistics', 'Catering', 'Fastigheter', 'Verkstad'];
const NAME_FORM = ['AB', 'HB', 'Ltd', 'GmbH', 'Oy', 'ApS', 'AS', 'BV', 'Inc', 'LLC'];
const TERMS = [10, 15, 20, 30, 30, 30, 30, 45, 60];

function pickHabit(random: Random): Habit {
  let u = random.next();
  for (const [habit, share] of HABIT_SHARES) {
    if (u < share) return habit;
    u -= share;
  }
  return 'punctual';
}

function pickCurrency(random: Random): string {
  const u = random.next();
  if (u < 0.7) return 'SEK';
  if (u < 0.88) return 'EUR';
  if (u < 0.95) return 'USD';
  return 'GBP';
}

function makeDebtors(spec: LedgerSpec, random: Random, lastDay: number): Debtor[] {
  const debtors: Debtor[] = [];
  const span = lastDay - spec.startDay;
  const width = String(spec.debtors).length + 1;

  for (let i = 0; i < spec.debtors; i++) {
    const number = `K${String(i + 1).padStart(width, '0')}`;
    const name = `${NAME_FIRST[random.int(NAME_FIRST.length)]} ${NAME_TRADE[random.int(NAME_TRADE.length)]} ${i + 1} ${NAME_FORM[random.int(NAME_FORM.length)]}`;
    const currency = pickCurrency(random);
    const scale = currency === 'SEK' ? 10 : 1;
    // Two thirds are customers from the start; the rest arrive during the first two thirds of the span.
    const firstDay = random.next() < 0.67 ? spec.startDay : spec.startDay + random.int(Math.floor((span * 2) / 3));
    const habit = pickHabit(random);
    debtors.push({
      number,
      name,
      currency,
      termsDays: TERMS[random.int(TERMS.length)],
      typicalAmount: scale * Math.exp(Math.log(800) + 1.1 * random.normal()),
      weight: Math.exp(1.0 * random.normal()),
      firstDay,
      habit,
      turnDay: firstDay + Math.floor(random.next() * (lastDay - firstDay)),
    });
  }
  return debtors;
}

/** Days from due date to full payment for one invoice, or null when it will never be paid. */
function daysLate(debtor: Debtor, issueDay: number, lastDay: number, random: Random): number | null {
  const noise = random.normal();
  switch (debtor.habit) {
    case 'punctual':
      return random.next() < 0.04 ? 8 + random.int(20) : Math.round(-3 + 3 * noise);
    case 'slow':
      return Math.round(4 + 6 * noise);
    case 'late':
      return Math.max(-5, Math.round(22 + 15 * noise));
    case 'worsening': {
      // Punctual until the turn, then up to 60 days later by the end of the span.
      const drift = issueDay < debtor.turnDay ? 0 : (60 * (issueDay - debtor.turnDay)) / Math.max(1, lastDay - debtor.turnDay);
      return Math.round(drift + 4 * noise);
    }
    case 'defaulting':
      if (issueDay >= debtor.turnDay) return null;
      return Math.round(6 + 8 * noise);
  }
}

/** Builds a cumulative weight table over the debtors active in a month, for weighted picks. */
function activeTable(debtors: Debtor[], monthEnd: number): { index: Int32Array; cumulative: Float64Array; count: number } {
  const index = new Int32Array(debtors.length);
  const cumulative = new Float64Array(debtors.length);
  let count = 0;
  let total = 0;
  for (let i = 0; i < debtors.length; i++) {
    if (debtors[i].firstDay > monthEnd) continue;
    total += debtors[i].weight;
    index[count] = i;
    cumulative[count] = total;
    count++;
  }
  return { index, cumulative, count };
}

function pickWeighted(table: { index: Int32Array; cumulative: Float64Array; count: number }, random: Random): number {
  const target = random.next() * table.cumulative[table.count - 1];
  let lo = 0;
  let hi = table.count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return table.index[lo];
}

const MS_PER_DAY = 86_400_000;

function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function monthStartDay(startDay: number, monthOffset: number): number {
  const start = new Date(startDay * MS_PER_DAY);
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + monthOffset, 1) / MS_PER_DAY;
}

/**
 * Generates the ledger and passes it to `write` in chunks of CSV text (header first, LF line ends).
 * `write` may return a promise, which is awaited before the next chunk, so a file stream's
 * backpressure is respected. The same spec always gives the same bytes.
 */
export async function generateLedger(spec: LedgerSpec, write: (chunk: string) => void | Promise<void>): Promise<LedgerSummary> {
  if (spec.invoices < 1 || spec.debtors < 1 || spec.months < 1) throw new Error('invoices, debtors and months must be at least 1');
  const random = new Random(spec.seed);
  const exportDay = monthStartDay(spec.startDay, spec.months);
  const lastDay = exportDay - 1;
  const debtors = makeDebtors(spec, random, lastDay);
  const summary: LedgerSummary = { invoices: 0, creditNotes: 0, paid: 0, partial: 0, open: 0, exportDate: isoDay(exportDay) };
  const idWidth = String(spec.invoices).length;

  await write(`${LEDGER_HEADER}\n`);
  for (let month = 0; month < spec.months; month++) {
    const first = monthStartDay(spec.startDay, month);
    const days = monthStartDay(spec.startDay, month + 1) - first;
    const table = activeTable(debtors, first + days - 1);
    // Spread the invoices evenly over the months, so the total is exact.
    const inMonth = Math.floor((spec.invoices * (month + 1)) / spec.months) - Math.floor((spec.invoices * month) / spec.months);
    if (table.count === 0) continue;

    const rows: { day: number; text: string }[] = [];
    for (let k = 0; k < inMonth; k++) {
      const debtor = debtors[pickWeighted(table, random)];
      const issueDay = Math.max(first + random.int(days), debtor.firstDay);
      rows.push({ day: issueDay, text: invoiceRow(debtor, issueDay, exportDay, random, summary) });
    }
    rows.sort((a, b) => a.day - b.day);

    let chunk = '';
    for (let r = 0; r < rows.length; r++) {
      const id = String(summary.invoices + r + 1).padStart(idWidth, '0');
      chunk += `F${id},${rows[r].text}\n`;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk !== '') await write(chunk);
    summary.invoices += rows.length;
  }
  return summary;
}

/** One row without its invoice number, in header order. Updates the summary counts. */
function invoiceRow(debtor: Debtor, issueDay: number, exportDay: number, random: Random, summary: LedgerSummary): string {
  const dueDay = issueDay + debtor.termsDays;
  const who = `${debtor.number},${csvText(debtor.name)},${isoDay(issueDay)},${isoDay(dueDay)},${debtor.currency}`;

  // About 0.7% credit notes: negative amount, applied in full on the day they are issued.
  if (random.next() < 0.007) {
    const credit = -Math.max(1, Math.round(debtor.typicalAmount * 0.3 * random.next() * 100) / 100);
    summary.creditNotes++;
    return `${who},${credit.toFixed(2)},0.00,${isoDay(issueDay)}`;
  }

  const amount = Math.max(1, Math.round(debtor.typicalAmount * Math.exp(0.5 * random.normal()) * 100) / 100);
  const late = daysLate(debtor, issueDay, exportDay - 1, random);
  const paidDay = late === null ? null : Math.max(issueDay, dueDay + late);

  // About 4% of invoices get one part payment and nothing more (yet).
  if (paidDay !== null && paidDay < exportDay && random.next() < 0.04) {
    const part = Math.round(amount * (0.2 + 0.6 * random.next()) * 100) / 100;
    summary.partial++;
    return `${who},${amount.toFixed(2)},${(amount - part).toFixed(2)},${isoDay(paidDay)}`;
  }
  if (paidDay === null || paidDay >= exportDay) {
    summary.open++;
    return `${who},${amount.toFixed(2)},${amount.toFixed(2)},`;
  }
  summary.paid++;
  return `${who},${amount.toFixed(2)},0.00,${isoDay(paidDay)}`;
}

function csvText(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
