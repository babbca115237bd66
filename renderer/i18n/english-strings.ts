type Plain<T> = { [K in keyof T]: T[K] extends string ? string : Plain<T[K]> };
type WithoutMany<T> = {
  [K in keyof T as K extends `${string}_many` ? never : K]: T[K] extends string ? string : WithoutMany<T[K]>;
};

/**
 * The shape English strings must have, given the Spanish ones: the same keys, any text, and no
 * `_many` plural keys (a CLDR category Spanish has and English lacks). i18n.test.ts checks the rest.
 */
export type EnglishOf<Spanish> = WithoutMany<Plain<Spanish>>;
