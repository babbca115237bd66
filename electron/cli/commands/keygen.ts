import { parseArgs } from 'node:util';
import { generateAnalystIdentity, isAnalystName } from '../../../shared/identity/analyst-identity';
import { formatKeyfile } from '../../../shared/identity/keyfile';
import { failWith, type CliIo } from './cli-io';

export const KEYGEN_USAGE = 'usage: keygen --out KEYFILE [--name NAME]';

/**
 * `keygen --out KEYFILE`: a new analyst identity in an age identity file (so `age -d -i KEYFILE`
 * opens bundles made for it). Prints the age recipient, the minisign public key and the fingerprint.
 */
export async function runKeygen(argv: string[], io: CliIo): Promise<number> {
  let values: { out?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch {
    return failWith(io, KEYGEN_USAGE, 2);
  }
  if (!values.out) return failWith(io, KEYGEN_USAGE, 2);
  const name = values.name ?? 'transfer station';
  if (!isAnalystName(name)) return failWith(io, 'invalid_name', 2);
  if (await io.exists(values.out)) return failWith(io, `keyfile_exists (path=${values.out}): refusing to overwrite a key`);

  const identity = await generateAnalystIdentity(name);
  try {
    await io.writeFile(values.out, new TextEncoder().encode(formatKeyfile(identity, io.now())), { secret: true });
  } catch {
    return failWith(io, `cannot_write (path=${values.out})`);
  }
  io.stdout(`age recipient: ${identity.ageRecipient}`);
  io.stdout(`signing key (minisign): ${identity.signingKey}`);
  io.stdout(`fingerprint: ${identity.fingerprint}`);
  return 0;
}
