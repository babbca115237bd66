import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditEntry } from '../model/audit';
import { chainEntry, hashAuditEntry, verifyAuditChain, type AuditFields } from './chain';

function fields(n: number): AuditFields {
  return {
    id: `audit:${n}`,
    caseId: 'case:demo',
    at: 1_700_000_000_000 + n,
    hlc: `${String(1_700_000_000_000 + n).padStart(13, '0')}-0000-ws-a`,
    analyst: 'Ana',
    workstationId: 'ws-a',
    action: 'update',
    table: 'persons',
    recordId: 'person:1',
    before: { primaryName: `Name ${n}` },
    after: { primaryName: `Name ${n + 1}` },
  };
}

function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(chainEntry(entries.at(-1), fields(n)));
  return entries;
}

describe('audit hash chain', () => {
  it('starts at seq 1 from the genesis hash and links each entry to the one before', () => {
    const [first, second] = buildChain(2) as [AuditEntry, AuditEntry];
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.hash).not.toBe(first.hash);
  });

  it('verifies an intact chain, whatever order the entries come in', () => {
    const chain = buildChain(5);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: 5 });
    expect(verifyAuditChain([...chain].reverse())).toEqual({ ok: true, count: 5 });
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0 });
  });

  it('finds an altered entry at its own seq', () => {
    for (const n of [1, 3, 5]) {
      const chain = buildChain(5);
      chain[n - 1] = { ...chain[n - 1]!, after: { primaryName: 'Someone else' } };
      expect(verifyAuditChain(chain)).toEqual({ ok: false, brokenAt: n, reason: 'hash_mismatch' });
    }
  });

  it('finds an altered and re-hashed entry at the entry after it', () => {
    const chain = buildChain(5);
    const forged = chainEntry(chain[1], { ...fields(3), analyst: 'Mallory' });
    chain[2] = forged;
    expect(verifyAuditChain(chain)).toEqual({ ok: false, brokenAt: 4, reason: 'prev_mismatch' });
  });

  it('finds a removed entry at the missing seq', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);
    expect(verifyAuditChain(chain)).toEqual({ ok: false, brokenAt: 3, reason: 'seq_gap' });
    expect(verifyAuditChain(buildChain(3).slice(1))).toEqual({ ok: false, brokenAt: 1, reason: 'seq_gap' });
  });

  it('sees a renumbered entry as a gap in the chain', () => {
    const chain = buildChain(2);
    chain[1] = { ...chain[1]!, seq: 3 };
    expect(verifyAuditChain(chain)).toEqual({ ok: false, brokenAt: 2, reason: 'seq_gap' });
  });
});

describe('the hash of a known entry', () => {
  // Pinned when the merge's and the audit's canonical JSON became one (shared/json): journals already
  // on workstations must keep verifying, so this value may never change. Undefined fields, an
  // undefined inside an array, Arabic script and an exponent-form number are all in it.
  it('is the same as every earlier version of Vigía computed', () => {
    const entry = {
      id: 'audit:1',
      caseId: 'case:ñ',
      table: 'persons',
      recordId: 'person:1',
      action: 'update',
      seq: 7,
      prevHash: '0'.repeat(64),
      hlc: '0001750000000000-0000-ws',
      at: 1750000000000,
      author: 'Ana García',
      workstationId: 'ws',
      before: { primaryName: 'Abu Ilyas', notes: undefined, aliases: ['أبو إلياس', undefined] },
      after: { primaryName: 'Abou Ilyas', score: 1e-7 },
    };
    expect(hashAuditEntry(entry as never)).toBe('2db515883505b7c5d0680215d88502bee07e123507a1172180a7870436a02d83');
  });
});
