import type { z } from 'zod';

/**
 * A validation problem a person can act on: which field, and a message key that the renderer
 * translates (`validation.<code>`) and the CLI prints as is.
 */
export interface FieldIssue {
  path: string;
  code: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Zod messages in shared/model are message keys; anything else falls back to `invalid`. */
const KNOWN_CODES = /^[a-z][a-z_]*$/;

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: KNOWN_CODES.test(issue.message) ? issue.message : issue.code === 'too_big' ? 'too_long' : 'invalid',
    })),
  };
}
