/**
 * Strings of the 'editing' area, in Spanish and English. Kept in their own file so that each area of
 * the UI owns its strings; es.ts and en.ts mount them under the 'editing' key.
 */
export const editingEs = {};

export const editingEn: typeof editingEs = {};
