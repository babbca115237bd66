import { parseKeyfile } from '../../../shared/identity/keyfile';
import type { AnalystIdentity } from '../../../shared/identity/analyst-identity';
import type { CliIo } from './cli-io';

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function loadKeyfile(io: CliIo, path: string): Promise<Loaded<AnalystIdentity>> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch {
    return { ok: false, reason: `cannot_read_keyfile (path=${path})` };
  }
  const parsed = await parseKeyfile(new TextDecoder().decode(bytes));
  return parsed.ok ? { ok: true, value: parsed.identity } : { ok: false, reason: `${parsed.code} (path=${path})` };
}

/** The passphrase is the file's first line, without its line ending. */
export async function loadPassphrase(io: CliIo, path: string): Promise<Loaded<string>> {
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(path));
  } catch {
    return { ok: false, reason: `cannot_read_passphrase_file (path=${path})` };
  }
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  return passphrase ? { ok: true, value: passphrase } : { ok: false, reason: `empty_passphrase (path=${path})` };
}
