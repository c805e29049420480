// NDJSON output: one JSON object per line, for line-by-line tools (jq -c, grep, log shippers).

export function renderNdjson(objects: readonly unknown[]): string {
  return objects.map((object) => JSON.stringify(object) + '\n').join('');
}
