/** Separator of the names, identifiers and sources listed in one attribute or cell. */
export const LIST_SEPARATOR = ' | ';
