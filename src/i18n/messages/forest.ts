// Messages for the forest engine's error codes.

import { defineCatalog } from '../catalog-type.js';

export const forestMessages = defineCatalog({
  en: {
    FOREST_OPTION_INVALID: 'Forest option {option} has the invalid value {value}; expected {expected}.',
    FOREST_DATA_INVALID:
      'Training data is inconsistent ({problem}): {rows} rows and {cols} columns. This is a bug in the caller; please report it.',
    FOREST_VALUE_NOT_FINITE:
      'Training row {row} has the value {value} in feature {feature}; every feature value must be a finite number.',
    FOREST_LABEL_INVALID:
      'Training row {row} has the label {value}, which is not valid for {task}; classification labels must be 0 or 1.',
    FOREST_INPUT_NOT_FINITE:
      'Row {row} has the value {value} in feature number {feature}; the forest can only score finite numbers.',
    FOREST_FEATURE_COUNT: 'The forest expects {expected} features per row, but got {actual}.',
    FOREST_INVALID: 'The saved forest is invalid at {path}, so the model file is damaged. Train a new model or restore the file. (Technical detail: {problem}.)',
    FOREST_VERSION_UNSUPPORTED:
      'The saved forest has format version {found}, but this riskpay reads version {supported} at most. Update riskpay or train a new model.',
    JSON_TOO_LARGE: 'The JSON file has {length} characters, more than the limit of {limit}.',
    JSON_TOO_DEEP: 'The JSON file nests arrays and objects deeper than {limit} levels.',
    JSON_SYNTAX: 'The file is not valid JSON: unexpected character at line {line}, column {column}.',
    JSON_EMPTY: 'The file is empty.',
    JSON_NOT_JSON: 'The file is not JSON: it starts with "{start}" where JSON starts with { or [.',
    JSON_TRUNCATED: 'The file is not valid JSON: it ends before the JSON is complete, so it may have been cut off while being written or copied.',
    JSON_FORBIDDEN_KEY: 'The JSON file contains the key "{key}" at {path}, which is not allowed in riskpay files.',
  },
  sv: {
    FOREST_OPTION_INVALID: 'Skogsinställningen {option} har det ogiltiga värdet {value}; förväntat {expected}.',
    FOREST_DATA_INVALID:
      'Träningsdata är inkonsekventa ({problem}): {rows} rader och {cols} kolumner. Detta är ett fel i anropande kod; rapportera det gärna.',
    FOREST_VALUE_NOT_FINITE:
      'Träningsrad {row} har värdet {value} i variabeln {feature}; alla variabelvärden måste vara ändliga tal.',
    FOREST_LABEL_INVALID:
      'Träningsrad {row} har etiketten {value}, som inte är giltig för {task}; klassificeringsetiketter måste vara 0 eller 1.',
    FOREST_INPUT_NOT_FINITE:
      'Rad {row} har värdet {value} i variabel nummer {feature}; skogen kan bara poängsätta ändliga tal.',
    FOREST_FEATURE_COUNT: 'Skogen förväntar sig {expected} variabler per rad men fick {actual}.',
    FOREST_INVALID: 'Den sparade skogen är ogiltig vid {path}, så modellfilen är skadad. Träna en ny modell eller återställ filen. (Teknisk detalj på engelska: {problem}.)',
    FOREST_VERSION_UNSUPPORTED:
      'Den sparade skogen har formatversion {found}, men den här versionen av riskpay läser högst version {supported}. Uppdatera riskpay eller träna en ny modell.',
    JSON_TOO_LARGE: 'JSON-filen har {length} tecken, vilket överstiger gränsen {limit}.',
    JSON_TOO_DEEP: 'JSON-filen har arrayer och objekt nästlade djupare än {limit} nivåer.',
    JSON_SYNTAX: 'Filen är inte giltig JSON: oväntat tecken på rad {line}, kolumn {column}.',
    JSON_EMPTY: 'Filen är tom.',
    JSON_NOT_JSON: 'Filen är inte JSON: den börjar med "{start}" där JSON börjar med { eller [.',
    JSON_TRUNCATED: 'Filen är inte giltig JSON: den tar slut innan JSON-texten är komplett, så den kan ha kapats när den skrevs eller kopierades.',
    JSON_FORBIDDEN_KEY: 'JSON-filen innehåller nyckeln "{key}" vid {path}, vilket inte är tillåtet i riskpay-filer.',
  },
});
