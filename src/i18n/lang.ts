// Picks the output language: an explicit choice first, then the POSIX locale variables in their
// standard order of precedence (LC_ALL, LC_MESSAGES, LANG).

import type { Lang } from './catalog-type.js';

/** Maps a locale name such as `sv_SE.UTF-8` or `sv` to a supported language, or null. */
export function langFromLocale(locale: string | undefined): Lang | null {
  if (!locale) return null;
  const tag = locale.trim().toLowerCase();
  if (tag === '' || tag === 'c' || tag === 'posix') return null;
  if (tag.startsWith('sv')) return 'sv';
  if (tag.startsWith('en')) return 'en';
  return null;
}

/**
 * Returns the language for this run. The first locale variable that is set decides, as in POSIX:
 * LC_ALL=C with LANG=sv_SE gives English. Unsupported locales fall back to English.
 */
export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const chosen = langFromLocale(explicit);
  if (chosen) return chosen;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return langFromLocale(value) ?? 'en';
  }
  return 'en';
}
