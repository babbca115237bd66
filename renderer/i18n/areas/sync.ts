/**
 * Strings of the 'sync' area, in Spanish and English. Kept in their own file so that each area of
 * the UI owns its strings; es.ts and en.ts mount them under the 'sync' key.
 */
export const syncEs = {};

export const syncEn: typeof syncEs = {};
