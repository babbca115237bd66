/**
 * Strings of the 'analysis' area, in Spanish and English. Kept in their own file so that each area of
 * the UI owns its strings; es.ts and en.ts mount them under the 'analysis' key.
 */
export const analysisEs = {};

export const analysisEn: typeof analysisEs = {};
