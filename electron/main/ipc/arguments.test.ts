import { describe, expect, it } from 'vitest';
import { MAX_BRIDGE_FILE_BYTES } from '../../../shared/ipc/contract';
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
});
