import { parseArgs } from 'node:util';
import { armor, Decrypter } from 'age-encryption';
import { readRecoveryRequest } from '../../../shared/vault/recovery';
import { failWith, type CliIo } from './cli-io';

export const RECOVER_USAGE = 'usage: recover REQUEST --identity UNIT_KEYFILE';

/**
 * `recover REQUEST --identity UNIT_KEYFILE`: on the unit's offline machine, opens a workstation's
 * recovery request with the unit's recovery key and prints the recovery code the analyst types on
 * the lock screen (docs/security.md, "Recovery by the unit"). The key file is any age identity file
 * (`age-keygen`'s, or one from `vigia keygen`); the request, age's armor or its binary form. Nothing is
 * written: the code is read out to the analyst, who must then set a new passphrase.
 */
export async function runRecover(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: { identity?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { identity: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    return failWith(io, RECOVER_USAGE, 2);
  }
  const [requestPath, ...extra] = parsed.positionals;
  const identityPath = parsed.values.identity;
  if (!requestPath || extra.length > 0 || !identityPath) return failWith(io, RECOVER_USAGE, 2);

  const identities = await readText(io, identityPath);
  if (identities === undefined) return failWith(io, `cannot_read_keyfile (path=${identityPath})`);
  const keys = identities.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.startsWith('AGE-SECRET-KEY-'));
  if (keys.length === 0) return failWith(io, `keyfile_no_age_identity (path=${identityPath})`);

  let request: Uint8Array;
  try {
    request = requestBytes(await io.readFile(requestPath));
  } catch {
    return failWith(io, `cannot_read_request (path=${requestPath})`);
  }
  if (new TextDecoder().decode(request.subarray(0, AGE_HEADER.length)) !== AGE_HEADER) {
    return failWith(io, `not_a_recovery_request (path=${requestPath}): not an age file`);
  }
  const decrypter = new Decrypter();
  try {
    for (const key of keys) decrypter.addIdentity(key);
  } catch {
    return failWith(io, `keyfile_invalid (path=${identityPath})`);
  }
  let opened: Uint8Array;
  try {
    opened = await decrypter.decrypt(request);
  } catch {
    return failWith(io, `request_not_for_this_key (path=${requestPath}): made for another unit's recovery key, or damaged`);
  }
  const contents = readRecoveryRequest(opened);
  if (!contents) return failWith(io, `not_a_recovery_request (path=${requestPath})`);
  io.stdout(`recovery code: ${contents.code}`);
  io.stdout(`request made: ${contents.madeAt}`);
  io.stderr('Read the code to the analyst only. It opens their workstation once; they must set a new passphrase.');
  return 0;
}

const AGE_HEADER = 'age-encryption.org/v1\n';

async function readText(io: CliIo, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await io.readFile(path));
  } catch {
    return undefined;
  }
}

/** age's armor as the lock screen shows it, or the binary file; armor with stray spaces is still read. */
function requestBytes(bytes: Uint8Array): Uint8Array {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('-----BEGIN AGE ENCRYPTED FILE-----') ? armor.decode(new TextDecoder().decode(bytes)) : bytes;
}
