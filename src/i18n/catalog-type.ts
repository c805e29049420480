// Shape of a message catalog: every key in English and Swedish, each text with `{name}` placeholders.

export type Lang = 'en' | 'sv';

export const LANGS: readonly Lang[] = ['en', 'sv'];

/** A catalog whose Swedish half must have exactly the English keys. */
export interface Catalog<K extends string> {
  en: Record<K, string>;
  sv: Record<K, string>;
}

/** Checks at compile time that a catalog has every key in both languages, and returns it unchanged. */
export function defineCatalog<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}
