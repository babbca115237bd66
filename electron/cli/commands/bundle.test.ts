import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureContents } from '../../../shared/bundle/test-support';
import { CASE_TABLE_NAMES, type CaseSnapshot } from '../../../shared/model/tables';
import { runBundle, type DemoCaseGenerator } from './bundle';
import { runKeygen } from './keygen';
import { memoryIo, type MemoryIo } from './memory-io.test-helper';

let io: MemoryIo;
const recipientOf = (out: string[]) => out.find((l) => l.startsWith('age recipient: '))!.slice('age recipient: '.length);
const signingKeyOf = (out: string[]) => out.find((l) => l.startsWith('signing key (minisign): '))!.slice('signing key (minisign): '.length);

/** Stands in for shared/demo in these tests: the fixture case, whatever the size. */
const fixtureDemo: DemoCaseGenerator = () => fixtureContents().snapshot;

async function keygen(path: string, name: string): Promise<{ recipient: string; signingKey: string }> {
  io.out.length = 0;
  expect(await runKeygen(['--out', path, '--name', name], io)).toBe(0);
  return { recipient: recipientOf(io.out), signingKey: signingKeyOf(io.out) };
}

beforeEach(() => {
  io = memoryIo();
});

describe('keygen', () => {
  it('writes an age identity file and prints recipient, minisign key and fingerprint', async () => {
    expect(await runKeygen(['--out', 'ana.key', '--name', 'Ana'], io)).toBe(0);
    expect(io.out.map((l) => l.split(':')[0])).toEqual(['age recipient', 'signing key (minisign)', 'fingerprint']);
    const text = new TextDecoder().decode(io.files.get('ana.key'));
    expect(text).toMatch(/^AGE-SECRET-KEY-1/m);
  });

  it('refuses to overwrite a key and rejects bad arguments with one line', async () => {
    await runKeygen(['--out', 'ana.key'], io);
    expect(await runKeygen(['--out', 'ana.key'], io)).toBe(1);
    expect(io.err).toEqual(['error: keyfile_exists (path=ana.key): refusing to overwrite a key']);
    expect(await runKeygen(['--bogus'], io)).toBe(2);
    expect(io.err).toHaveLength(2);
  });
});

describe('bundle create / inspect / verify / extract', () => {
  it('creates a demo bundle for a recipient, who inspects, verifies (trusting the sender) and extracts it', async () => {
    const ana = await keygen('ana.key', 'Ana');
    const bob = await keygen('bob.key', 'Bob');
    io.out.length = 0;
    expect(await runBundle(['create', '--demo', '--size', '270', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'case.age'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect(io.out[0]).toMatch(/^bundle [0-9a-f-]{36} written to case\.age: cases 1, prisons 1, persons 2, attachments 1; marking RESERVADO$/);

    io.out.length = 0;
    expect(await runBundle(['inspect', 'case.age', '--identity', 'bob.key'], io)).toBe(0);
    expect(io.out).toContain('records: cases 1, sources 0, prisons 1, persons 2, stays 0, sentences 0, links 0, events 0, notes 0, attachments 1');
    expect(io.out.find((l) => l.startsWith('sender:'))).toContain('NOT TRUSTED');

    expect(await runBundle(['verify', 'case.age', '--identity', 'bob.key'], io)).toBe(1);
    expect(io.err.at(-1)).toMatch(/^error: untrusted_signer \(name=Ana signingKey=RW\S+ fingerprint=[0-9A-F-]{39}\)$/);

    io.out.length = 0;
    expect(await runBundle(['verify', 'case.age', '--identity', 'bob.key', '--trust', ana.signingKey], io)).toBe(0);
    expect(io.out[0]).toMatch(/^verified: bundle .* from Ana \(.*\): signature, 4 entries and 5 records checked$/);

    expect(await runBundle(['extract', 'case.age', '--identity', 'bob.key', '--out', 'x'], io)).toBe(0);
    expect([...io.files.keys()].filter((p) => p.startsWith('x/')).sort()).toEqual([
      'x/manifest.json',
      'x/manifest.json.minisig',
      'x/records/attachments.ndjson',
      'x/records/cases.ndjson',
      'x/records/persons.ndjson',
      'x/records/prisons.ndjson',
    ]);
  });

  it('round-trips extract → create --input with records, audit and attachments unchanged', async () => {
    await keygen('ana.key', 'Ana');
    const bob = await keygen('bob.key', 'Bob');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const enc = (v: unknown[]) => new TextEncoder().encode(v.map((r) => JSON.stringify(r) + '\n').join(''));
    for (const table of CASE_TABLE_NAMES) if (snapshot[table].length) io.files.set(`in/records/${table}.ndjson`, enc(snapshot[table]));
    io.files.set('in/audit/case:fixture.ndjson', enc(audit));
    for (const [sha, bytes] of attachmentBytes) io.files.set(`in/attachments/${sha}`, bytes);

    expect(await runBundle(['create', '--input', 'in', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'one.age'], io)).toBe(0);
    expect(await runBundle(['extract', 'one.age', '--identity', 'bob.key', '--out', 'out'], io)).toBe(0);
    for (const [path, bytes] of io.files) {
      if (path.startsWith('in/')) expect(io.files.get(`out/${path.slice(3)}`), path).toEqual(bytes);
    }
    expect(await runBundle(['create', '--input', 'out', '--recipient', bob.recipient, '--sign', 'bob.key', '--out', 'two.age'], io)).toBe(0);
    expect(await runBundle(['extract', 'two.age', '--identity', 'bob.key', '--out', 'again'], io)).toBe(0);
    for (const [path, bytes] of io.files) {
      if (path.startsWith('out/records') || path.startsWith('out/audit') || path.startsWith('out/attachments')) {
        expect(io.files.get(`again/${path.slice(4)}`), path).toEqual(bytes);
      }
    }
  });

  it('bundles the generated demo case, which the recipient verifies record for record', async () => {
    const ana = await keygen('ana.key', 'Ana');
    await keygen('bob.key', 'Bob');
    const bob = await keygen('bob2.key', 'Bob');
    expect(await runBundle(['create', '--demo', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'demo.age'], io)).toBe(0);
    io.out.length = 0;
    expect(await runBundle(['verify', 'demo.age', '--identity', 'bob2.key', '--trust', ana.signingKey], io)).toBe(0);
    expect(io.out[0]).toMatch(/^verified: bundle .* from Ana .*: signature, \d+ entries and \d+ records checked$/);
    io.out.length = 0;
    expect(await runBundle(['inspect', 'demo.age', '--identity', 'bob2.key'], io)).toBe(0);
    expect(io.out).toContain('marking: RESERVADO (synthetic data)');
    expect(io.out.find((l) => l.startsWith('records:'))).toMatch(/persons 270,/);
  }, 60_000);

  it('refuses an input folder whose attachment file does not match its record, writing nothing', async () => {
    const bob = await keygen('bob.key', 'Bob');
    const { snapshot, attachmentBytes } = fixtureContents();
    const enc = (v: unknown[]) => new TextEncoder().encode(v.map((r) => JSON.stringify(r) + '\n').join(''));
    io.files.set('in/records/cases.ndjson', enc(snapshot.cases));
    io.files.set('in/records/attachments.ndjson', enc(snapshot.attachments));
    const [sha] = [...attachmentBytes.keys()];
    io.files.set(`in/attachments/${sha}`, new Uint8Array(10));
    expect(await runBundle(['create', '--input', 'in', '--recipient', bob.recipient, '--sign', 'bob.key', '--out', 'b.age'], io)).toBe(1);
    expect(io.err.at(-1)).toBe(`error: attachment_size_mismatch (sha256=${sha})`);
    expect(io.files.has('b.age')).toBe(false);
  });

  it('creates a passphrase bundle', async () => {
    await keygen('ana.key', 'Ana');
    io.files.set('pw.txt', new TextEncoder().encode('long enough passphrase\n'));
    expect(await runBundle(['create', '--demo', '--passphrase-file', 'pw.txt', '--sign', 'ana.key', '--out', 'p.age'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect(new TextDecoder().decode(io.files.get('p.age')!.subarray(0, 40))).toContain('-> scrypt');
    expect(await runBundle(['inspect', 'p.age', '--identity', 'ana.key'], io)).toBe(1);
    expect(io.err.at(-1)).toBe('error: needs_passphrase');
  }, 60_000);

  it('refuses an input folder with an invalid record, naming the file and line', async () => {
    const bob = await keygen('bob.key', 'Bob');
    const bad: Partial<CaseSnapshot> = { persons: [{ ...fixtureContents().snapshot.persons[0]!, primaryName: '' }] };
    io.files.set('in/records/persons.ndjson', new TextEncoder().encode(JSON.stringify(bad.persons![0]) + '\n'));
    expect(await runBundle(['create', '--input', 'in', '--recipient', bob.recipient, '--sign', 'bob.key', '--out', 'b.age'], io)).toBe(1);
    expect(io.err.at(-1)).toBe('error: record_invalid (path=records/persons.ndjson line=1 issues=[{"path":"primaryName","code":"empty_name"}])');
    expect(io.files.has('b.age')).toBe(false);
  });

  it('explains a bundle meant for someone else, and bad usage, in one line each', async () => {
    await keygen('ana.key', 'Ana');
    const bob = await keygen('bob.key', 'Bob');
    await keygen('carol.key', 'Carol');
    await runBundle(['create', '--demo', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'b.age'], io, { generateDemoCase: fixtureDemo });
    expect(await runBundle(['inspect', 'b.age', '--identity', 'carol.key'], io)).toBe(1);
    expect(io.err.at(-1)).toBe('error: not_for_you (recipients=[])');
    expect(await runBundle(['create', '--demo', '--sign', 'ana.key', '--out', 'c.age'], io)).toBe(2);
    expect(await runBundle(['create', '--demo', '--recipient', 'age1pqsomething', '--sign', 'ana.key', '--out', 'c.age'], io)).toBe(2);
    expect(await runBundle(['frobnicate'], io)).toBe(2);
    expect(await runBundle(['create', '--demo', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'c.age'], io, {})).toBe(1);
    expect(io.err.at(-1)).toBe('error: demo_unavailable: this build has no demo generator');
    expect(await runBundle(['create', '--demo', '--size', '5', '--recipient', bob.recipient, '--sign', 'ana.key', '--out', 'c.age'], io)).toBe(2);
    expect(io.err.every((l) => !l.includes('\n'))).toBe(true);
  });
});
