import { describe, expect, it } from 'vitest';
import { CATALOGS, fillPlaceholders, formatFinding, message } from '../../src/i18n/catalog.js';
import { detectLang, langFromLocale } from '../../src/i18n/lang.js';
import { OPTIONS } from '../../src/cli/options.js';
import { finding } from '../../src/findings.js';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('message catalogs', () => {
  for (const [area, catalog] of Object.entries(CATALOGS)) {
    it(`${area} has the same keys in en and sv`, () => {
      expect(Object.keys(catalog.sv).sort()).toEqual(Object.keys(catalog.en).sort());
    });

    it(`${area} sv has every en placeholder`, () => {
      for (const [key, text] of Object.entries(catalog.en)) {
        const missing = placeholders(text).filter((name) => !placeholders(catalog.sv[key] ?? '').includes(name));
        expect({ key, missing }).toEqual({ key, missing: [] });
      }
    });

    it(`${area} strict texts match a code and drop the skip`, () => {
      for (const key of Object.keys(catalog.en).filter((code) => code.startsWith('INGEST_') && code.endsWith('_STRICT'))) {
        const base = key.slice(0, -'_STRICT'.length);
        expect({ key, hasBase: base in catalog.en }).toEqual({ key, hasBase: true });
        const unknown = placeholders(catalog.en[key]).filter((name) => !placeholders(catalog.en[base]).includes(name));
        expect({ key, unknown }).toEqual({ key, unknown: [] });
        expect(catalog.en[key]).not.toMatch(/skipped|ignored/);
        expect(catalog.sv[key]).not.toMatch(/hoppades över|ignorerades/);
      }
    });

    it(`${area} has no empty texts`, () => {
      for (const lang of ['en', 'sv'] as const) {
        const empty = Object.entries(catalog[lang]).filter(([, text]) => text.trim() === '').map(([key]) => key);
        expect(empty).toEqual([]);
      }
    });

    // Tables, the HTML report and the Swedish docs call a grade A-D "riskklass", so no Swedish text may use "betyg".
    it(`${area} sv says riskklass, not betyg`, () => {
      const mixed = Object.entries(catalog.sv).filter(([, text]) => /betyg/i.test(text)).map(([key]) => key);
      expect(mixed).toEqual([]);
    });
  }

  it('codes are unique across areas', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [area, catalog] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(catalog.en)) {
        if (seen.has(key)) duplicates.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('every option help key exists', () => {
    for (const spec of OPTIONS) expect(message('en', spec.help)).not.toContain(spec.help);
  });
});

describe('language detection', () => {
  it('maps sv_SE.UTF-8 to sv', () => {
    expect(langFromLocale('sv_SE.UTF-8')).toBe('sv');
  });

  it('prefers --lang over the locale', () => {
    expect(detectLang('en', { LANG: 'sv_SE.UTF-8' })).toBe('en');
  });

  it('LC_ALL wins over LANG', () => {
    expect(detectLang(undefined, { LC_ALL: 'C', LANG: 'sv_SE.UTF-8' })).toBe('en');
    expect(detectLang(undefined, { LC_ALL: 'sv_FI.UTF-8', LANG: 'en_US.UTF-8' })).toBe('sv');
  });

  it('LC_MESSAGES is used before LANG', () => {
    expect(detectLang(undefined, { LC_MESSAGES: 'sv_SE', LANG: 'en_GB' })).toBe('sv');
  });

  it('defaults to English', () => {
    expect(detectLang(undefined, {})).toBe('en');
    expect(detectLang(undefined, { LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});

describe('unreadable value texts', () => {
  /** Each code with the option its fix names; the _STRICT variant must name it too. */
  const FIXES: [string, string][] = [
    ['INGEST_NUMBER_INVALID', '--decimal'],
    ['INGEST_NUMBER_INVALID', '--map'],
    ['INGEST_NUMBER_NOT_FINITE', '--map'],
    ['INGEST_DATE_INVALID', '--date-format DD.MM.YYYY'],
    ['INGEST_DATE_IMPOSSIBLE', '--date-format DD/MM/YYYY'],
    ['INGEST_DATE_OUT_OF_RANGE', '--date-format DD/MM/YYYY'],
    ['INGEST_BOOLEAN_INVALID', '--map'],
  ];

  for (const [code, fix] of FIXES) {
    it(`${code} names ${fix}`, () => {
      for (const key of [code, `${code}_STRICT`]) {
        expect({ key, en: CATALOGS.ingest.en[key].includes(fix) }).toEqual({ key, en: true });
        expect({ key, sv: CATALOGS.ingest.sv[key].includes(fix) }).toEqual({ key, sv: true });
      }
    });
  }
});

describe('formatFinding', () => {
  const item = finding('CLI_CONFIG_NOT_FOUND', 'error', { file: 'a.csv', option: '--config' }, { file: 'a.csv', line: 12, column: 'Belopp' });

  it('puts the location first', () => {
    expect(formatFinding(item, 'en').startsWith('a.csv line 12, column "Belopp": ')).toBe(true);
    expect(formatFinding(item, 'sv').startsWith('a.csv rad 12, kolumn "Belopp": ')).toBe(true);
  });

  it('fills the placeholders', () => {
    expect(formatFinding(item, 'en')).toContain('not found: a.csv, given in --config.');
  });

  it('keeps an unknown code and its values', () => {
    const unknown = formatFinding(finding('NO_SUCH_CODE', 'warning', { value: 3 }), 'sv');
    expect(unknown).toContain('NO_SUCH_CODE');
    expect(unknown).toContain('3');
  });
});

describe('placeholder numbers', () => {
  it('groups amounts and rounds to cents', () => {
    expect(fillPlaceholders('{amount}', { amount: 149895.625 }, 'en')).toBe('149,895.63');
    expect(fillPlaceholders('{amount}', { amount: 149895.62 }, 'sv')).toBe('149\u00a0895,62');
  });

  it('keeps integers and small shares as written', () => {
    expect(fillPlaceholders('{line} {year}', { line: 12345, year: 2024 }, 'sv')).toBe('12345 2024');
    expect(fillPlaceholders('{share}', { share: 0.12345 }, 'en')).toBe('0.1235');
    expect(fillPlaceholders('{days}', { days: -5.25 }, 'sv')).toBe('-5,25');
  });
});

describe('count variants', () => {
  const args = (settledCount: number) => ({ openBalance: 'SEK 300.00', currency: '', sharePercent: 60, settledCount });

  // The _NONE and _ONE texts are picked by the count, so a message never reads "so far: 0".
  it('picks the text for none, one and many', () => {
    for (const lang of ['en', 'sv'] as const) {
      const texts = [0, 1, 2].map((count) => message(lang, 'FLAG_LARGE_NEW_EXPOSURE', args(count)));
      expect(texts[0]).toBe(message(lang, 'FLAG_LARGE_NEW_EXPOSURE_NONE', args(0)));
      expect(texts[1]).toBe(message(lang, 'FLAG_LARGE_NEW_EXPOSURE_ONE', args(1)));
      expect(texts[2]).toContain('2');
      expect(new Set(texts).size).toBe(3);
    }
  });
});

describe('evaluate metric terms', () => {
  it('Swedish legend uses the log loss heading', () => {
    const heading = message('sv', 'HEAD_LOG_LOSS');
    const legend = message('sv', 'EVAL_LEGEND');
    expect(heading).toBe('Log-förlust');
    expect(legend).toContain(heading.toLowerCase());
    expect(legend).not.toContain('log loss');
  });

  // liftTopGroups ranks debtors by their riskiest test invoice, then compares late shares of invoices.
  it('legend says lift compares invoice shares', () => {
    expect(message('en', 'EVAL_LEGEND')).toContain(
      'Lift ranks the debtors by their riskiest test invoice and compares the share of late invoices among the top tenth of debtors with the share among all test invoices',
    );
    expect(message('sv', 'EVAL_LEGEND')).toContain(
      'Lyft rangordnar kunderna efter deras riskablaste testfaktura och jämför andelen sena fakturor hos den översta tiondelen av kunderna med andelen bland alla testfakturor',
    );
  });
});
