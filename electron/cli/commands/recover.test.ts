import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRecoverySlot, openRecoverySlot, recoveryRequestArmor } from '../../../shared/vault/recovery';
import { memoryIo } from './memory-io.test-helper';
import { runRecover } from './recover';

const vaultKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function unitAndRequest() {
  const unit = await generateX25519Identity();
  const slot = await makeRecoverySlot(vaultKey, await identityToRecipient(unit), Date.parse('2026-12-05T21:00:00Z'));
  return { unit, slot, request: recoveryRequestArmor(slot) };
}

describe('vigia recover', () => {
  it('prints the code that opens the workstation’s vault, from an age identity file with comments', async () => {
    const { unit, slot, request } = await unitAndRequest();
    const io = memoryIo();
    io.files.set('unit.key', new TextEncoder().encode(`# created: 2026-12-01\n# public key: …\n${unit}\n`));
    io.files.set('request.age', new TextEncoder().encode(request));
    expect(await runRecover(['request.age', '--identity', 'unit.key'], io)).toBe(0);
    expect(io.out[1]).toBe('request made: 2026-12-05T21:00:00.000Z');
    const code = io.out[0]!.replace('recovery code: ', '');
    expect(openRecoverySlot(slot, code)).toEqual(vaultKey);
    expect(io.err.join('\n')).toMatch(/new passphrase/);
  });

  it('refuses another unit’s key, a file that is not a request, and bad arguments, with a reason', async () => {
    const { request } = await unitAndRequest();
    const io = memoryIo();
    io.files.set('other.key', new TextEncoder().encode(`${await generateX25519Identity()}\n`));
    io.files.set('empty.key', new TextEncoder().encode('# nothing here\n'));
    io.files.set('request.age', new TextEncoder().encode(request));
    io.files.set('notes.txt', new TextEncoder().encode('hola'));
    expect(await runRecover(['request.age', '--identity', 'other.key'], io)).toBe(1);
    expect(await runRecover(['request.age', '--identity', 'empty.key'], io)).toBe(1);
    expect(await runRecover(['notes.txt', '--identity', 'other.key'], io)).toBe(1);
    expect(await runRecover(['request.age'], io)).toBe(2);
    expect(io.err).toEqual([
      expect.stringMatching(/^error: request_not_for_this_key/),
      expect.stringMatching(/^error: keyfile_no_age_identity/),
      expect.stringMatching(/^error: not_a_recovery_request \(path=notes.txt\): not an age file/),
      expect.stringMatching(/^error: usage: recover/),
    ]);
    expect(io.out).toEqual([]);
  });

  // The unit may hold no Vigía at all: Debian's age-keygen makes its key and age -d reads the code.
  it('works with a key from age-keygen, and age -d reads the same code from the request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigia-recover-'));
    dirs.push(dir);
    execFileSync('age-keygen', ['-o', join(dir, 'unit.key')], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', join(dir, 'unit.key')], { encoding: 'utf8' }).trim();
    const slot = await makeRecoverySlot(vaultKey, recipient, Date.now());
    writeFileSync(join(dir, 'request.age'), recoveryRequestArmor(slot));

    const fromAge = execFileSync('age', ['-d', '-i', join(dir, 'unit.key'), join(dir, 'request.age')], { encoding: 'utf8' });
    const ageCode = /recovery code: (\S+)/.exec(fromAge)![1]!;
    const io = memoryIo();
    io.files.set('unit.key', readFileSync(join(dir, 'unit.key')));
    io.files.set('request.age', readFileSync(join(dir, 'request.age')));
    expect(await runRecover(['request.age', '--identity', 'unit.key'], io)).toBe(0);
    expect(io.out[0]).toBe(`recovery code: ${ageCode}`);
    expect(openRecoverySlot(slot, ageCode)).toEqual(vaultKey);
  });
});
