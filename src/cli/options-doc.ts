// Renders the option table as Markdown for docs/options.md (English) and docs/options.sv.md (Swedish).

import type { Lang } from '../i18n/catalog-type.js';
import { message } from '../i18n/catalog.js';
import { OPTIONS, type OptionSpec } from './options.js';
import { optionFlags } from './program.js';

const HEADINGS: Record<Lang, { title: string; intro: string; columns: string[] }> = {
  en: {
    title: 'riskpay options',
    intro:
      'Generated from src/cli/options.ts by `node dist/scripts/generate-options-md.js`; do not edit by hand.\n\n' +
      'Precedence, lowest first: built-in default, `defaults` in riskpay.config.json, environment variable, command-line flag. ' +
      'A flag replaces its environment variable without reading it, so an invalid variable does not stop a run that gives the flag. ' +
      'Environment variables that take several values separate them with `;`.',
    columns: ['Option', 'Commands', 'Default', 'Environment', 'Meaning'],
  },
  sv: {
    title: 'Alternativ i riskpay',
    intro:
      'Skapad från src/cli/options.ts med `node dist/scripts/generate-options-md.js`; redigera inte för hand.\n\n' +
      'Företräde, lägst först: inbyggt standardvärde, `defaults` i riskpay.config.json, miljövariabel, flagga på kommandoraden. ' +
      'En flagga ersätter sin miljövariabel utan att läsa den, så en ogiltig miljövariabel stoppar inte en körning som anger flaggan. ' +
      'Miljövariabler med flera värden skiljer dem åt med `;`.',
    columns: ['Alternativ', 'Kommandon', 'Standard', 'Miljövariabel', 'Betydelse'],
  },
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Returns the Default cell: the described default where there is one, else the value, else empty. */
function defaultCell(spec: OptionSpec, lang: Lang): string {
  if (spec.defaultHelp !== undefined) return message(lang, spec.defaultHelp);
  if (spec.negatable) throw new Error(`option --no-${spec.flag} needs defaultHelp: the default true of a --no- option reads as "off"`);
  return spec.defaultValue === undefined ? '' : `\`${String(spec.defaultValue)}\``;
}

export function optionsMarkdown(lang: Lang): string {
  const heading = HEADINGS[lang];
  const lines = [`# ${heading.title}`, '', heading.intro, '', `| ${heading.columns.join(' | ')} |`, `|${heading.columns.map(() => '---').join('|')}|`];
  for (const spec of OPTIONS) {
    const perCommand = Object.entries(spec.commandHelp ?? {}).map(([command, key]) => `<br>\`${command}\`: ${message(lang, key)}`);
    const range = spec.max === undefined ? '' : `; ${message(lang, 'HELP_RANGE', { min: spec.min ?? 0, max: spec.max })}`;
    const meaning = message(lang, spec.help) + range + perCommand.join('');
    const defaultText = defaultCell(spec, lang);
    lines.push(
      `| ${cell(`\`${optionFlags(spec, lang)}\``)} | ${spec.commands.join(', ')} | ${defaultText} | ${spec.env ? `\`${spec.env}\`` : ''} | ${cell(meaning)} |`,
    );
  }
  return lines.join('\n') + '\n';
}
