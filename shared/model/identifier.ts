import { z } from 'zod';
import { sourceIds } from './records';

/**
 * Official numbers a person is known by. NIS is the prison administration's inmate number; DNI and
 * NIE are Spain's identity numbers for nationals and foreigners. Values are kept as written
 * (leading zeros matter), upper-cased and without spaces or dashes, so that "0012345-A" and
 * "0012345a" are one identifier.
 */
export const IDENTIFIER_SCHEMES = ['NIS', 'NIE', 'DNI', 'passport', 'other'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

const CONTROL_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').replace(/[\s.\-/]/g, '').toUpperCase();
}

/** Why a value cannot be an identifier of its scheme, or undefined when it can. */
export function identifierProblem(scheme: IdentifierScheme, value: string): string | undefined {
  if (value.length === 0) return 'empty_identifier';
  if (value.length > 40 || !/^[0-9A-Z]+$/.test(value)) return 'identifier_invalid';
  switch (scheme) {
    case 'DNI': {
      const match = /^(\d{8})([A-Z])$/.exec(value);
      if (!match) return 'identifier_invalid';
      return CONTROL_LETTERS[Number(match[1]) % 23] === match[2] ? undefined : 'identifier_check_letter';
    }
    case 'NIE': {
      const match = /^([XYZ])(\d{7})([A-Z])$/.exec(value);
      if (!match) return 'identifier_invalid';
      const number = Number(`${'XYZ'.indexOf(match[1]!)}${match[2]}`);
      return CONTROL_LETTERS[number % 23] === match[3] ? undefined : 'identifier_check_letter';
    }
    case 'NIS':
      return /^\d{1,14}$/.test(value) ? undefined : 'identifier_invalid';
    case 'passport':
      return value.length >= 5 && value.length <= 20 ? undefined : 'identifier_invalid';
    case 'other':
      return undefined;
  }
}

export const personIdentifier = z
  .object({
    scheme: z.enum(IDENTIFIER_SCHEMES),
    value: z.string(),
    /** For passports: the issuing country (ISO 3166-1 alpha-2), when known. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'invalid_country' })
      .optional(),
    sourceIds,
  })
  .superRefine((identifier, context) => {
    if (identifier.value !== normaliseIdentifier(identifier.value)) {
      context.addIssue({ code: 'custom', message: 'identifier_not_normalised', path: ['value'] });
      return;
    }
    const problem = identifierProblem(identifier.scheme, identifier.value);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });
export type PersonIdentifier = z.infer<typeof personIdentifier>;

/** The key two records share when they name the same person: scheme and value (and country). */
export function identifierKey(identifier: Pick<PersonIdentifier, 'scheme' | 'value' | 'country'>): string {
  return `${identifier.scheme}:${identifier.country ?? ''}:${identifier.value}`;
}
