// Guards for text that came from the input files (customer names, invoice ids) before it goes into
// a spreadsheet or a web page.

/**
 * Prefixes a single quote to text that a spreadsheet would run as a formula: text beginning with
 * `=`, `+`, `-`, `@`, tab or carriage return. Numbers written by riskpay itself are not passed here.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
