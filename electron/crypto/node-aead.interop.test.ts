import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The command line as the officer runs it (`npm run --silent cli`, package.json), whose typage uses
 * node:crypto's ChaCha20-Poly1305 through register-node-aead.mjs, against the real `age` binary.
 * VIGIA_AEAD_TRACE=1 makes the CLI say which AEAD typage used and how often.
 */
const root = new URL('../../', import.meta.url).pathname;
let dir: string;
let recipient: string;
const p = (name: string) => join(dir, name);

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VIGIA_AEAD_TRACE: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The cipher count the CLI reports for node:crypto; undefined when typage did not use it. */
const nodeCiphers = (stderr: string) => {
  const match = /vigia-aead: node-crypto \((\d+) ciphers\)/.exec(stderr);
  return match ? Number(match[1]) : undefined;
};

function age(args: string[]): void {
  const result = spawnSync('age', args, { cwd: dir, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-aead-interop-'));
  const keygen = cli(['keygen', '--out', p('station.key')]);
  expect(keygen.status, keygen.stderr).toBe(0);
  recipient = /age recipient: (age1\S+)/.exec(keygen.stdout)![1]!;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI with node:crypto’s ChaCha20-Poly1305', () => {
  it('makes bundles that `age -d` opens', () => {
    const created = cli(['bundle', 'create', '--demo', '--size', '1000', '--recipient', recipient, '--sign', p('station.key'), '--out', p('case.vigia')]);
    expect(created.status, created.stderr).toBe(0);
    age(['-d', '-i', p('station.key'), '-o', p('case.zip'), p('case.vigia')]);
    const zipSize = statSync(p('case.zip')).size;
    expect(zipSize).toBeGreaterThan(2 * 64 * 1024);
    // Every STREAM chunk and the file key's stanza went through node:crypto.
    expect(nodeCiphers(created.stderr)).toBe(Math.ceil(zipSize / (64 * 1024)) + 1);
    const listing = spawnSync('unzip', ['-l', p('case.zip')], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    expect(listing.stdout).toMatch(/\smanifest\.json\n/);
  }, 120_000);

  it('opens what `age -r` encrypted, and refuses it with one byte changed', () => {
    age(['-r', recipient, '-o', p('by-age.vigia'), p('case.zip')]);
    const inspected = cli(['bundle', 'inspect', p('by-age.vigia'), '--identity', p('station.key')]);
    expect(inspected.status, inspected.stderr).toBe(0);
    expect(nodeCiphers(inspected.stderr)).toBeGreaterThan(2);

    const damaged = readFileSync(p('by-age.vigia'));
    damaged[damaged.length - 70_000]! ^= 0x01;
    writeFileSync(p('damaged.vigia'), damaged);
    const refused = cli(['bundle', 'inspect', p('damaged.vigia'), '--identity', p('station.key')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('bundle_damaged');
    expect(nodeCiphers(refused.stderr)).toBeGreaterThan(0);
  }, 120_000);
});
