// Name and version of the saved-forest JSON format, kept apart from the zod schema so the Forest
// class can write files without importing the loader.

export const FOREST_FORMAT = 'riskpay-forest';

/** Bumped whenever a reader of the previous version would misread a new file. */
export const FOREST_FORMAT_VERSION = 1;
