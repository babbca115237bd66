import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/read';
import { fixtureContents } from '../../../shared/bundle/test-support';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { attachmentsFromMap, writeBundle } from '../../../shared/bundle/write';
import { generateAnalystIdentity } from '../../../shared/identity/analyst-identity';
import { runBundle, type DemoCaseGenerator } from './bundle';
import { nodeIo, type CliIo } from './cli-io';
import { runKeygen } from './keygen';

/**
 * Bundles against the real tools at the transfer station: age 1.1 (Debian), unzip, minisign,
 * sha256sum, and `script` (util-linux) to give `age -p` the terminal it reads passphrases from.
 * test/setup installs them on fresh machines; these tests fail, not skip, when they are missing.
 */
let dir: string;
const quiet: CliIo = { ...nodeIo, stdout: () => undefined, stderr: () => undefined };
const lines: string[] = [];
const capture: CliIo = { ...nodeIo, stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) };
const fixtureDemo: DemoCaseGenerator = () => fixtureContents().snapshot;
const p = (name: string) => join(dir, name);
const run = (cmd: string, args: string[], input?: string) => execFileSync(cmd, args, { cwd: dir, input, encoding: 'utf8', stdio: 'pipe' });

async function keygen(name: string): Promise<{ recipient: string; signingKey: string }> {
  lines.length = 0;
  expect(await runKeygen(['--out', p(`${name}.key`), '--name', name], capture)).toBe(0);
  const value = (prefix: string) => lines.find((l) => l.startsWith(prefix))!.slice(prefix.length);
  return { recipient: value('age recipient: '), signingKey: value('signing key (minisign): ') };
}

/** `age` asks for passphrases on the terminal only; `script` gives it a pseudo-terminal fed from stdin. */
function ageWithTerminal(command: string, input: string): void {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

let ana: { recipient: string; signingKey: string };
let bob: { recipient: string; signingKey: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-interop-'));
  ana = await keygen('ana');
  bob = await keygen('bob');
  // A case with an attachment whose bytes contain ZIP signatures, made through the CLI's --input path.
  const { snapshot, audit, attachmentBytes } = fixtureContents();
  const ndjson = (v: unknown[]) => v.map((r) => JSON.stringify(r) + '\n').join('');
  await nodeIo.mkdir(p('in/records'));
  await nodeIo.mkdir(p('in/audit'));
  await nodeIo.mkdir(p('in/attachments'));
  for (const table of ['cases', 'prisons', 'persons', 'attachments'] as const) writeFileSync(p(`in/records/${table}.ndjson`), ndjson(snapshot[table]));
  writeFileSync(p('in/audit/case:fixture.ndjson'), ndjson(audit));
  for (const [sha, bytes] of attachmentBytes) writeFileSync(p(`in/attachments/${sha}`), bytes);
  expect(await runBundle(['create', '--input', p('in'), '--recipient', bob.recipient, '--sign', p('ana.key'), '--out', p('case.age')], quiet)).toBe(0);

}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bundle the app made, opened with the standard tools', () => {
  it('decrypts with `age -d -i KEYFILE` to a ZIP that `unzip -l` lists with manifest.json first', () => {
    run('age', ['-d', '-i', p('bob.key'), '-o', p('case.zip'), p('case.age')]);
    const listing = run('unzip', ['-Z1', p('case.zip')]).trim().split('\n');
    expect(listing[0]).toBe('manifest.json');
    expect(listing[1]).toBe('manifest.json.minisig');
    expect(listing).toContain('records/persons.ndjson');
    expect(run('unzip', ['-l', p('case.zip')])).toContain('manifest.json');
  });

  it('has a manifest that `minisign -Vm manifest.json -P KEY` verifies, and refuses when altered', () => {
    run('unzip', ['-o', '-q', p('case.zip'), '-d', p('x')]);
    const out = run('minisign', ['-Vm', p('x/manifest.json'), '-P', ana.signingKey]);
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toMatch(/Trusted comment: vigia-bundle v1 id:[0-9a-f-]{36} created:/);
    expect(spawnSync('minisign', ['-Vm', p('x/manifest.json'), '-P', bob.signingKey]).status).not.toBe(0);
    writeFileSync(p('x/manifest.altered.json'), readFileSync(p('x/manifest.json'), 'utf8').replace('RESERVADO', 'TLP_CLEAR'));
    writeFileSync(p('x/manifest.altered.json.minisig'), readFileSync(p('x/manifest.json.minisig')));
    expect(spawnSync('minisign', ['-Vm', p('x/manifest.altered.json'), '-P', ana.signingKey]).status).not.toBe(0);
  });

  it('lists every entry with the size and SHA-256 that `sha256sum` computes', () => {
    const manifest = JSON.parse(readFileSync(p('x/manifest.json'), 'utf8')) as BundleManifest;
    expect(manifest.entries.length).toBe(6);
    const sums = execFileSync('sha256sum', manifest.entries.map((e) => e.path), { cwd: p('x'), encoding: 'utf8' });
    for (const entry of manifest.entries) {
      expect(sums).toContain(`${entry.sha256}  ${entry.path}`);
      expect(readFileSync(p(`x/${entry.path}`)).length).toBe(entry.size);
    }
    // The check the officer runs: a sha256sum list built from the manifest.
    const list = manifest.entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
    expect(execFileSync('sha256sum', ['-c', '-'], { cwd: p('x'), input: list, encoding: 'utf8' })).toMatch(/attachments\/[0-9a-f]{64}: OK/);
  });

  it('decrypts a passphrase bundle with `age -d` at a terminal', async () => {
    writeFileSync(p('pw.txt'), 'interop passphrase 42\n');
    expect(await runBundle(['create', '--demo', '--passphrase-file', p('pw.txt'), '--sign', p('ana.key'), '--out', p('pw.age')], quiet, { generateDemoCase: fixtureDemo })).toBe(0);
    ageWithTerminal(`age -d -o ${p('pw.zip')} ${p('pw.age')}`, 'interop passphrase 42\n');
    expect(run('unzip', ['-Z1', p('pw.zip')]).split('\n')[0]).toBe('manifest.json');
  }, 60_000);

  it('extract writes the entries as files that the same commands check', async () => {
    expect(await runBundle(['extract', p('case.age'), '--identity', p('bob.key'), '--out', p('ex')], quiet)).toBe(0);
    expect(run('minisign', ['-Vm', p('ex/manifest.json'), '-P', ana.signingKey])).toContain('verified');
    expect(readdirSync(p('ex/attachments'))).toHaveLength(1);
  });
});

describe('bundles the standard tools made, opened by the app', () => {
  it('opens a ZIP re-encrypted with `age -r` (recipient) through the CLI', async () => {
    run('age', ['-r', bob.recipient, '-o', p('re.age'), p('case.zip')]);
    lines.length = 0;
    expect(await runBundle(['verify', p('re.age'), '--identity', p('bob.key'), '--trust', ana.signingKey], capture)).toBe(0);
    expect(lines[0]).toMatch(/^verified: bundle .* from ana/);
  });

  it('opens a ZIP encrypted with `age -p` (passphrase)', async () => {
    ageWithTerminal(`age -p -o ${p('re-pw.age')} ${p('pw.zip')}`, 'interop passphrase 42\ninterop passphrase 42\n');
    const opened = await openBundle(readFileSync(p('re-pw.age')), { key: { passphrase: 'interop passphrase 42' }, trustedSigningKeys: [ana.signingKey] });
    expect(opened.ok && opened.value.signer.name).toBe('ana');
    const wrong = await openBundle(readFileSync(p('re-pw.age')), { key: { passphrase: 'nope' }, trustedSigningKeys: [ana.signingKey] });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong_passphrase' } });
  }, 60_000);

  it('encrypts to an identity made by `age-keygen`, which `age -d` and the app both open', async () => {
    run('age-keygen', ['-o', p('plain.key')]);
    const identity = readFileSync(p('plain.key'), 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const recipient = run('age-keygen', ['-y', p('plain.key')]).trim();
    const sender = await generateAnalystIdentity('Ana');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender, encryption: { mode: 'recipients', recipients: [recipient] }, scope: 'case', marking: 'RESERVADO', now: new Date() },
    );
    writeFileSync(p('k.age'), bytes);
    run('age', ['-d', '-i', p('plain.key'), '-o', p('k.zip'), p('k.age')]);
    expect(run('unzip', ['-Z1', p('k.zip')]).split('\n')[0]).toBe('manifest.json');
    const opened = await openBundle(bytes, { key: { identity }, trustedSigningKeys: [sender.signingKey] });
    expect(opened.ok && opened.value.snapshot.persons.length).toBe(2);
  });

  it('refuses a file that `age -r` encrypted for someone else', async () => {
    run('age', ['-r', ana.recipient, '-o', p('for-ana.age'), p('case.zip')]);
    lines.length = 0;
    expect(await runBundle(['inspect', p('for-ana.age'), '--identity', p('bob.key')], capture)).toBe(1);
    expect(lines).toEqual(['error: not_for_you (recipients=[])']);
  });
});
