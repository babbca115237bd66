/**
 * Strings of the 'records' area, in Spanish and English. Kept in their own file so that each area of
 * the UI owns its strings; es.ts and en.ts mount them under the 'records' key.
 */
export const recordsEs = {};

export const recordsEn: typeof recordsEs = {};
