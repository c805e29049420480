// Code-unit string order. localeCompare depends on the machine's locale and ICU data, so rankings
// that must be identical everywhere use this instead.

export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
