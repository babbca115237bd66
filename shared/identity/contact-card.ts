import { z } from 'zod';
import { isAnalystName, MAX_ANALYST_NAME, type AnalystIdentity } from './analyst-identity';
import { fingerprintOf } from './fingerprint';
import { decodeMinisignPublicKey } from './signing-key';

/** What an analyst hands a colleague so that the colleague can encrypt to them and trust their signature. */
export const AGE_RECIPIENT_PATTERN = /^age1[02-9ac-hj-np-z]{58}$/;

export const contactCardSchema = z.object({
  format: z.literal('vigia-contact'),
  version: z.literal(1),
  name: z.string().max(MAX_ANALYST_NAME).refine(isAnalystName, { error: 'invalid_name' }),
  ageRecipient: z.string().regex(AGE_RECIPIENT_PATTERN, { error: 'invalid_recipient' }),
  signingKey: z.string().refine((k) => decodeMinisignPublicKey(k) !== undefined, { error: 'invalid_signing_key' }),
  fingerprint: z.string(),
});
export type ContactCard = z.infer<typeof contactCardSchema>;

export function contactCardOf(identity: AnalystIdentity): ContactCard {
  return {
    format: 'vigia-contact',
    version: 1,
    name: identity.name,
    ageRecipient: identity.ageRecipient,
    signingKey: identity.signingKey,
    fingerprint: identity.fingerprint,
  };
}

export type ContactCardError = 'card_not_json' | 'card_invalid' | 'card_fingerprint_mismatch';
export type ParsedContactCard = { ok: true; card: ContactCard } | { ok: false; code: ContactCardError };

/** A card whose fingerprint does not match its keys is refused: it was altered or mistyped. */
export function parseContactCard(text: string): ParsedContactCard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: 'card_not_json' };
  }
  const parsed = contactCardSchema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'card_invalid' };
  const card = parsed.data;
  if (fingerprintOf(card.ageRecipient, card.signingKey) !== card.fingerprint) return { ok: false, code: 'card_fingerprint_mismatch' };
  return { ok: true, card };
}
