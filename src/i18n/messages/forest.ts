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
    FOREST_FEATURE_COUNT: 'The forest expects {expected} features per row, but got {actual}.',
  },
  sv: {
    FOREST_OPTION_INVALID: 'Skogsinställningen {option} har det ogiltiga värdet {value}; förväntat {expected}.',
    FOREST_DATA_INVALID:
      'Träningsdata är inkonsekventa ({problem}): {rows} rader och {cols} kolumner. Detta är ett fel i anropande kod; rapportera det gärna.',
    FOREST_VALUE_NOT_FINITE:
      'Träningsrad {row} har värdet {value} i variabeln {feature}; alla variabelvärden måste vara ändliga tal.',
    FOREST_LABEL_INVALID:
      'Träningsrad {row} har etiketten {value}, som inte är giltig för {task}; klassificeringsetiketter måste vara 0 eller 1.',
    FOREST_FEATURE_COUNT: 'Skogen förväntar sig {expected} variabler per rad men fick {actual}.',
  },
});
