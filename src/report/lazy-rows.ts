// Rows of a report list made a range at a time, for output that renders them in pieces.

/**
 * A list of `length` rows that are made only when a range is requested. The JSON output of a large run
 * renders each range and drops it, so its rows die young instead of all living until the end: scoring
 * a million invoices made about 130,000 row objects, with their flags, reasons and messages.
 */
export class LazyRows<Row> {
  constructor(
    readonly length: number,
    private readonly make: (start: number, end: number) => Row[],
  ) {}

  /** Makes the rows from `start` up to `end` (exclusive), clamped to the list. */
  rows(start: number, end: number): Row[] {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    return from < to ? this.make(from, to) : [];
  }

  /** Makes every row. */
  all(): Row[] {
    return this.rows(0, this.length);
  }
}
