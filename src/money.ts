// Money in the minor unit of its currency (cents for SEK, fils for KWD, whole yen for JPY). Import
// rounds every amount to that unit, and reports round and print amounts with the same digits, so every
// printed total is the sum of the printed amounts it totals.

const digitsByCurrency = new Map<string, number>();

/**
 * Returns the number of decimals of a currency's minor unit as Intl prints it: 2 for SEK and EUR, 0 for
 * JPY, 3 for KWD. Text that is not an ISO code, and a missing currency, use 2.
 */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Intl accepts any three-letter code and gives 2 decimals to one it does not know.
    const isIsoCode = /^[A-Z]{3}$/.test(currency);
    digits = isIsoCode ? (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2) : 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Converts an amount to minor units of its currency (cents for SEK), not rounded. */
export function exactMinorUnits(amount: number, currency: string): number {
  return amount * 10 ** minorUnitDigits(currency);
}

/**
 * Converts an amount to whole minor units of its currency, rounded half away from zero, so a credit
 * note rounds to the negative of the invoice it cancels. The product is first cut to 15 significant
 * digits, because binary floating point stores 1.005 SEK as 100.49999999999999 cents.
 */
export function toMinorUnits(amount: number, currency: string): number {
  const exact = exactMinorUnits(amount, currency);
  // Most amounts are a whole number of minor units plus float noise, and cutting digits is slow at a
  // million invoices, so only a value near a half goes the long way.
  const nearest = Math.round(exact);
  if (Math.abs(exact - nearest) < 0.25) return nearest;
  const units = Number(exact.toPrecision(15));
  return Math.sign(units) * Math.round(Math.abs(units));
}

/** Returns half the minor unit of a currency: two amounts closer than that print the same. */
export function halfMinorUnit(currency: string): number {
  return 0.5 / 10 ** minorUnitDigits(currency);
}

/** Converts whole minor units back to an amount; `+ 0` turns -0 into 0 so nothing prints as "-0.00". */
export function fromMinorUnits(units: number, currency: string): number {
  return units / 10 ** minorUnitDigits(currency) + 0;
}

/** Rounds an amount to the minor unit of its currency. */
export function roundMoney(amount: number, currency: string): number {
  return fromMinorUnits(toMinorUnits(amount, currency), currency);
}

/**
 * Splits `totalUnits` whole minor units over parts in proportion to their exact amounts (largest
 * remainder method). Each part gets its exact amount rounded down or up, and the parts sum to
 * `totalUnits` exactly, so a total printed next to them equals their printed sum.
 */
export function apportionMinorUnits(exactUnits: readonly number[], totalUnits: number): number[] {
  const parts = exactUnits.map((units) => Math.max(0, Math.floor(units)));
  let missing = totalUnits - parts.reduce((sum, units) => sum + units, 0);

  // Largest remainder first; equal remainders go to the earlier part, so equal inputs give equal output.
  const order = exactUnits.map((units, index) => ({ index, remainder: units - Math.floor(units) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; missing > 0 && order.length > 0; i = (i + 1) % order.length, missing -= 1) parts[order[i].index] += 1;
  // Floating-point sums can leave the exact parts a fraction above the total: take back from the smallest remainders.
  for (let i = order.length - 1; missing < 0 && i >= 0; i -= 1) {
    if (parts[order[i].index] === 0) continue;
    parts[order[i].index] -= 1;
    missing += 1;
  }
  return parts;
}

/**
 * Rounds an amount read from a file. A known currency rounds to its minor unit. Without a currency
 * the minor unit is unknown (a file without a currency column may hold KWD with 3 decimals), so the
 * amount keeps its digits and only float noise such as 0.30000000000000004 from summed lines goes.
 */
export function roundImported(amount: number, currency: string): number {
  if (currency !== '') return roundMoney(amount, currency);
  // From about 9e9 the product passes 2^53, where doubles are whole numbers and scaling back can move
  // the amount itself, so amounts from 1e9 up (with a margin) stay as read.
  if (Math.abs(amount) >= NOISE_SCALE_LIMIT) return amount;
  return Math.round(amount * 1e6) / 1e6 + 0;
}

/** Limit below which float noise is removed by scaling to millionths: 1e9 * 1e6 stays below 2^53. */
const NOISE_SCALE_LIMIT = 1e9;
