// Display width and word wrapping for terminal tables. Lines break only at ordinary spaces, so
// no-break spaces (digit groups in `149 895,62 SEK`, the space before `%` or `SEK`) keep amounts whole.

const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Code points that terminals draw two cells wide: CJK, Hangul, full-width forms and emoji, including
 * those below U+1F300 that show as emoji by default, such as U+2705, which cli-table3's string-width 4
 * also counts as two. An emoji sequence (a flag, a skin tone) counts here as the sum of its parts.
 */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}\p{Emoji_Presentation}]/u;

/** Returns how many terminal cells a line takes, ignoring colour codes and combining marks. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) {
    if (/\p{M}/u.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

/** Breaks one line into lines of at most `width` cells; a word longer than that is cut. */
function wrapLine(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    let rest = word;
    while (displayWidth(rest) > width) {
      if (current) {
        lines.push(current);
        current = '';
      }
      const chars = [...rest];
      let cut = 0;
      while (cut < chars.length && displayWidth(chars.slice(0, cut + 1).join('')) <= width) cut += 1;
      lines.push(chars.slice(0, Math.max(1, cut)).join(''));
      rest = chars.slice(Math.max(1, cut)).join('');
    }
    if (!current) current = rest;
    else if (displayWidth(current) + 1 + displayWidth(rest) <= width) current += ` ${rest}`;
    else {
      lines.push(current);
      current = rest;
    }
  }
  lines.push(current);
  return lines;
}

/**
 * Wraps text to `width` cells per line, keeping its own line breaks. A line coloured as a whole
 * (one colour code at its start and a reset at its end) keeps the colour on every wrapped line.
 */
export function wrapText(text: string, width: number): string {
  if (width < 1) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      const colour = /^(\x1b\[[0-9;]*m)([^\x1b]*)(\x1b\[[0-9;]*m)$/.exec(line);
      if (colour) return wrapLine(colour[2], width).map((part) => `${colour[1]}${part}${colour[3]}`);
      return wrapLine(line, width);
    })
    .join('\n');
}
