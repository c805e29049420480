// The floor for any CSV tool in Node: csv-parse alone streams the file into arrays of strings and
// counts them, with no typing, checks or model. `riskpay score` is measured against this time.
//   node dist/bench/pipeline/csv-parse-floor.js LEDGER.csv
// Prints the record and field counts as JSON on stdout.

import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('csv-parse-floor: usage: csv-parse-floor.js FILE\n');
  process.exit(2);
}

let records = 0;
let fields = 0;
const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: false }));
for await (const record of parser as AsyncIterable<string[]>) {
  records++;
  fields += record.length;
}
process.stdout.write(`${JSON.stringify({ file, records, fields })}\n`);
