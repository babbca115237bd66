import { describe, expect, it } from 'vitest';
import { generateAnalystIdentity } from '../identity/analyst-identity';
import { parseMinisignSignature, signMinisign, verifyMinisign } from './minisign';

describe('minisign signatures', () => {
  it('verifies what it signs, with the trusted comment, and nothing else', async () => {
    const ana = await generateAnalystIdentity('Ana');
    const eve = await generateAnalystIdentity('Eve');
    const message = new TextEncoder().encode('{"format":"vigia-bundle"}\n');
    const sig = signMinisign(message, ana.signing, 'vigia-bundle v1 id:x', 'untrusted');
    expect(sig.split('\n')).toHaveLength(5);
    expect(verifyMinisign(message, sig, ana.signingKey)).toEqual({ ok: true, trustedComment: 'vigia-bundle v1 id:x' });
    expect(verifyMinisign(new TextEncoder().encode('other'), sig, ana.signingKey)).toEqual({ ok: false, code: 'signature_invalid' });
    expect(verifyMinisign(message, sig, eve.signingKey)).toEqual({ ok: false, code: 'signature_key_mismatch' });
    const alteredComment = sig.replace('id:x', 'id:y');
    expect(verifyMinisign(message, alteredComment, ana.signingKey)).toEqual({ ok: false, code: 'signature_invalid' });
    expect(verifyMinisign(message, 'garbage', ana.signingKey)).toEqual({ ok: false, code: 'signature_malformed' });
    expect(parseMinisignSignature(sig)?.trustedComment).toBe('vigia-bundle v1 id:x');
    expect(() => signMinisign(message, ana.signing, 'two\nlines', 'u')).toThrow();
  });
});
