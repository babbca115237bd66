import { describe, expect, it } from 'vitest';
import { MAX_BRIDGE_CHUNK_BYTES, MAX_BRIDGE_FILE_BYTES, MAX_LARGE_FILE_BYTES } from './contract';
import { checkArguments } from './arguments';

const bytes = new Uint8Array([1, 2, 3]);

describe('checkArguments', () => {
  it('accepts the contract shapes', () => {
    expect(checkArguments('app:info', [])).toEqual({ ok: true, value: undefined });
    expect(checkArguments('app:set-menu-language', ['en'])).toEqual({ ok: true, value: 'en' });
    expect(checkArguments('file:save', [{ suggestedName: 'caso.vigia', bytes }])).toEqual({
      ok: true,
      value: { suggestedName: 'caso.vigia', bytes },
    });
    expect(checkArguments('file:open', [{ extensions: ['vigia', 'zip'] }])).toEqual({
      ok: true,
      value: { extensions: ['vigia', 'zip'] },
    });
  });

  it.each<[string, unknown[]]>([
    ['two arguments', [{ suggestedName: 'a.vigia', bytes }, 'extra']],
    ['a missing request', []],
    ['a name with directories', [{ suggestedName: '../../.bashrc', bytes }]],
    ['a Windows path', [{ suggestedName: 'C:\\Windows\\x.dll', bytes }]],
    ['a name with NUL', [{ suggestedName: 'a\u0000.vigia', bytes }]],
    ['a number for a name', [{ suggestedName: 7, bytes }]],
    ['a string for bytes', [{ suggestedName: 'a.vigia', bytes: 'AAAA' }]],
    ['a plain array for bytes', [{ suggestedName: 'a.vigia', bytes: [1, 2, 3] }]],
    ['an unknown field', [{ suggestedName: 'a.vigia', bytes, path: '/etc/passwd' }]],
  ])('refuses file:save with %s', (_label, args) => {
    expect(checkArguments('file:save', args)).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('refuses an argument to app:info', () => {
    expect(checkArguments('app:info', [{ anything: true }])).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it.each<[string, unknown]>([
    ['a string', 'vigia'],
    ['a dotted extension', { extensions: ['.vigia'] }],
    ['a path in an extension', { extensions: ['../x'] }],
    ['a wildcard', { extensions: ['*'] }],
    ['too many extensions', { extensions: Array.from({ length: 17 }, (_, i) => `e${i}`) }],
    ['a missing list', {}],
  ])('refuses file:open with %s', (_label, request) => {
    expect(checkArguments('file:open', [request])).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('refuses a language the menu does not speak', () => {
    expect(checkArguments('app:set-menu-language', ['fr'])).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('reports bytes over the bridge limit as too large', () => {
    // A view that claims the size without allocating it.
    const huge = Object.create(Uint8Array.prototype, { byteLength: { value: MAX_BRIDGE_FILE_BYTES + 1 } }) as Uint8Array;
    expect(checkArguments('file:save', [{ suggestedName: 'big.vigia', bytes: huge }])).toEqual({
      ok: false,
      error: 'file_too_large',
    });
  });

  const handle = '0123456789abcdef0123456789abcdef';

  it('accepts the large-file shapes', () => {
    expect(checkArguments('file:read', [{ handle, offset: 0, length: MAX_BRIDGE_CHUNK_BYTES }]).ok).toBe(true);
    expect(checkArguments('file:save-large-write', [{ handle, bytes }]).ok).toBe(true);
    expect(checkArguments('file:save-large-finish', [{ handle, commit: false }]).ok).toBe(true);
    expect(checkArguments('file:save-large-start', [{ suggestedName: 'caso.vigia' }]).ok).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a short handle', { handle: 'abc', offset: 0, length: 1 }],
    ['an upper-case handle', { handle: handle.toUpperCase(), offset: 0, length: 1 }],
    ['a handle with a path', { handle: `../${handle}`, offset: 0, length: 1 }],
    ['a negative offset', { handle, offset: -1, length: 1 }],
    ['a fractional offset', { handle, offset: 1.5, length: 1 }],
    ['an offset past any allowed file', { handle, offset: MAX_LARGE_FILE_BYTES + 1, length: 1 }],
    ['a zero length', { handle, offset: 0, length: 0 }],
    ['a length over the chunk limit', { handle, offset: 0, length: MAX_BRIDGE_CHUNK_BYTES + 1 }],
    ['a string offset', { handle, offset: '0', length: 1 }],
    ['an extra field', { handle, offset: 0, length: 1, path: '/etc/passwd' }],
  ])('refuses file:read with %s', (_label, request) => {
    expect(checkArguments('file:read', [request])).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('refuses large-save writes that are empty, over a chunk or not bytes, and a finish without a decision', () => {
    const overChunk = Object.create(Uint8Array.prototype, { byteLength: { value: MAX_BRIDGE_CHUNK_BYTES + 1 } }) as Uint8Array;
    for (const request of [{ handle, bytes: new Uint8Array() }, { handle, bytes: overChunk }, { handle, bytes: [1] }]) {
      expect(checkArguments('file:save-large-write', [request])).toEqual({ ok: false, error: 'invalid_argument' });
    }
    expect(checkArguments('file:save-large-finish', [{ handle }])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(checkArguments('file:save-large-finish', [{ handle, commit: 'yes' }])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(checkArguments('file:close', [{ handle: 'nope' }])).toEqual({ ok: false, error: 'invalid_argument' });
  });
});
