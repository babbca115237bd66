import { base64 } from '@scure/base';
import { isAnalystName, restoreAnalystIdentity, type AnalystIdentity } from './analyst-identity';

/**
 * The CLI's key file is a valid age identity file, so `age -d -i KEYFILE` opens bundles made for it.
 * age skips lines starting with `#`; the signing seed and the analyst's name ride in such lines:
 *
 *   # Vigía analyst key file. Keep it secret: it decrypts bundles and signs them.
 *   # created: 2026-11-24T02:00:00.000Z
 *   # public key: age1…
 *   # vigia-name: Ana García
 *   # vigia-signing-key: RWQ…            (minisign public key, informational)
 *   # vigia-signing-secret: <base64 of the 32-byte Ed25519 seed>
 *   AGE-SECRET-KEY-1…
 */
const NAME = '# vigia-name: ';
const SIGNING_SECRET = '# vigia-signing-secret: ';
const SIGNING_KEY = '# vigia-signing-key: ';

export function formatKeyfile(identity: AnalystIdentity, created: Date): string {
  return [
    '# Vigía analyst key file. Keep it secret: it decrypts bundles and signs them.',
    `# created: ${created.toISOString()}`,
    `# public key: ${identity.ageRecipient}`,
    `${NAME}${identity.name}`,
    `${SIGNING_KEY}${identity.signingKey}`,
    `${SIGNING_SECRET}${base64.encode(identity.signing.secretKey)}`,
    identity.ageIdentity,
    '',
  ].join('\n');
}

export type KeyfileError = 'keyfile_no_age_identity' | 'keyfile_no_signing_secret' | 'keyfile_invalid';
export type ParsedKeyfile = { ok: true; identity: AnalystIdentity } | { ok: false; code: KeyfileError };

export async function parseKeyfile(text: string): Promise<ParsedKeyfile> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const ageIdentities = lines.filter((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (ageIdentities.length !== 1) return { ok: false, code: 'keyfile_no_age_identity' };
  const secretLine = lines.find((l) => l.startsWith(SIGNING_SECRET.trim()));
  if (!secretLine) return { ok: false, code: 'keyfile_no_signing_secret' };
  const name = lines.find((l) => l.startsWith(NAME.trim()))?.slice(NAME.length).trim() || 'unnamed';
  try {
    const seed = base64.decode(secretLine.slice(SIGNING_SECRET.length).trim());
    if (seed.length !== 32 || !isAnalystName(name)) return { ok: false, code: 'keyfile_invalid' };
    return { ok: true, identity: await restoreAnalystIdentity(name, ageIdentities[0]!, seed) };
  } catch {
    return { ok: false, code: 'keyfile_invalid' };
  }
}
