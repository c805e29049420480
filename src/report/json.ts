// JSON output: one document, pretty-printed, keys in stable English.

export function renderJson(document: unknown): string {
  return JSON.stringify(document, null, 2) + '\n';
}
