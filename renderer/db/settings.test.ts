import { describe, expect, it } from 'vitest';
import { openVigiaDatabase } from './database';
import { getSetting, getWorkstation, setAnalystName, setLastOpenedCaseId, setLocale, setSetting } from './settings';
import { freshDatabase } from './test-support';

describe('workstation settings', () => {
  it('creates the workstation id once and keeps it across a restart', async () => {
    const name = `vigia-settings-${crypto.randomUUID()}`;
    const db = await openVigiaDatabase(name);
    const first = await getWorkstation(db);
    expect(first).toEqual({ workstationId: expect.stringMatching(/^[0-9a-f-]{36}$/), analystName: '', lastCaseId: null, locale: 'es' });
    expect((await getWorkstation(db)).workstationId).toBe(first.workstationId);
    await setAnalystName(db, '  Ana Ruiz ');
    await setLocale(db, 'en');
    db.close();

    const reopened = await openVigiaDatabase(name);
    expect(await getWorkstation(reopened)).toEqual({ ...first, analystName: 'Ana Ruiz', locale: 'en' });
    reopened.close();
  });

  it('refuses an invalid preference and keeps the stored one', async () => {
    const db = await freshDatabase();
    await setLocale(db, 'en');
    const result = await setSetting(db, 'locale', 'fr' as never);
    expect(result).toEqual({ ok: false, issues: [{ path: 'locale', code: 'invalid_locale' }] });
    expect(await getSetting(db, 'locale')).toBe('en');
    expect((await setLastOpenedCaseId(db, 'not an id')).ok).toBe(false);
    expect(await getSetting(db, 'lastCaseId')).toBeNull();
  });

  it('reads a malformed stored value as the default', async () => {
    const db = await freshDatabase();
    await db.settings.put({ key: 'locale', value: { evil: true } });
    await db.settings.put({ key: 'analystName', value: 42 });
    expect(await getSetting(db, 'locale')).toBe('es');
    expect(await getSetting(db, 'analystName')).toBe('');
  });

  it('replaces a malformed workstation id with a fresh one', async () => {
    const db = await freshDatabase();
    await db.settings.put({ key: 'workstationId', value: 'not/valid id' });
    expect((await getWorkstation(db)).workstationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
