import { z } from 'zod';
import { hlcStamp, recordId, validate, type Validated } from '../../shared/model';
import type { VigiaDatabase } from './database';

import { LOCALES, type Locale } from '../../shared/model/locales';

export { LOCALES, type Locale };

/** The bounds of the idle lock, in minutes: issue 16 asks for 10 by default and an upper bound. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 10 } as const;

/** A workstation id is also the node of its clock stamps, so it must fit their alphabet. */
const workstationId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);

/** Every setting with the schema its stored value must satisfy; anything else reads as the default. */
const SETTING_SCHEMAS = {
  workstationId: workstationId.nullable(),
  analystName: z.string().trim().max(200, { error: 'too_long' }),
  lastCaseId: recordId.nullable(),
  locale: z.enum(LOCALES, { error: 'invalid_locale' }),
  /** The last clock stamp this workstation issued (see clock.ts). */
  clock: hlcStamp.nullable(),
  /** Minutes without use (or hidden) before Vigía locks itself; bounded so it cannot be switched off. */
  /**
   * What was on screen when the workstation locked (the open dialogs, the case, the values typed in
   * the top dialog's fields), to bring back after the unlock: sealed like every setting. Read once.
   */
  lockDraft: z
    .object({
      openCaseId: recordId.nullable(),
      dialogs: z.array(z.object({ kind: z.string() }).loose()).max(4),
      fields: z.array(z.object({ label: z.string().max(500), index: z.number().int().min(0), value: z.union([z.string().max(100_000), z.boolean()]) })).max(200),
    })
    .nullable(),
  idleLockMinutes: z.number().int({ error: 'whole_number' }).min(IDLE_LOCK_MINUTES.min, { error: 'too_small' }).max(IDLE_LOCK_MINUTES.max, { error: 'too_big' }),
} as const;

export type Settings = { [K in keyof typeof SETTING_SCHEMAS]: z.infer<(typeof SETTING_SCHEMAS)[K]> };
export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  workstationId: null,
  analystName: '',
  lastCaseId: null,
  locale: 'es',
  clock: null,
  idleLockMinutes: IDLE_LOCK_MINUTES.default,
  lockDraft: null,
};

/** The settings an analyst (or the UI on their behalf) may change; the others are kept by the database layer. */
export type PreferenceKey = 'analystName' | 'lastCaseId' | 'locale' | 'idleLockMinutes';

/** Reads a setting; a missing or malformed stored value reads as the default. */
export async function getSetting<K extends SettingKey>(db: VigiaDatabase, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  if (!row) return SETTING_DEFAULTS[key];
  const parsed = SETTING_SCHEMAS[key].safeParse(row.value);
  return parsed.success ? (parsed.data as Settings[K]) : SETTING_DEFAULTS[key];
}

/** Stores a preference after checking it; an invalid value is refused and nothing is written. */
export async function setSetting<K extends PreferenceKey>(
  db: VigiaDatabase,
  key: K,
  value: Settings[K],
): Promise<Validated<Settings[K]>> {
  const checked = validate(SETTING_SCHEMAS[key], value);
  if (!checked.ok) return { ok: false, issues: checked.issues.map((issue) => ({ ...issue, path: key })) };
  await db.settings.put({ key, value: checked.value });
  return { ok: true, value: checked.value as Settings[K] };
}

/** For the database layer itself (clock, workstation id): no preference check. */
export async function putInternalSetting<K extends 'clock' | 'workstationId' | 'lockDraft'>(
  db: VigiaDatabase,
  key: K,
  value: NonNullable<Settings[K]>,
): Promise<void> {
  await db.settings.put({ key, value });
}

export interface Workstation {
  workstationId: string;
  analystName: string;
  lastCaseId: string | null;
  locale: Locale;
}

/**
 * This workstation's identity and preferences. The id is created once, on first use, from the
 * platform's CSPRNG; it names the workstation in every record it changes and every audit entry.
 * Safe to call inside a larger `rw` transaction that includes `settings`.
 */
export function getWorkstation(db: VigiaDatabase): Promise<Workstation> {
  return db.transaction('rw', db.settings, async () => {
    let id = await getSetting(db, 'workstationId');
    if (!id) {
      id = crypto.randomUUID();
      await putInternalSetting(db, 'workstationId', id);
    }
    return {
      workstationId: id,
      analystName: await getSetting(db, 'analystName'),
      lastCaseId: await getSetting(db, 'lastCaseId'),
      locale: await getSetting(db, 'locale'),
    };
  });
}

export function setAnalystName(db: VigiaDatabase, name: string): Promise<Validated<string>> {
  return setSetting(db, 'analystName', name.trim());
}

export function setLocale(db: VigiaDatabase, locale: Locale): Promise<Validated<Locale>> {
  return setSetting(db, 'locale', locale);
}

export function setLastOpenedCaseId(db: VigiaDatabase, caseId: string | null): Promise<Validated<string | null>> {
  return setSetting(db, 'lastCaseId', caseId);
}

export type LockDraft = NonNullable<Settings['lockDraft']>;

/** Keeps what was on screen when the workstation locked (see `lockDraft`); a draft that does not fit is not kept. */
export async function saveLockDraft(db: VigiaDatabase, draft: LockDraft): Promise<void> {
  const checked = SETTING_SCHEMAS.lockDraft.safeParse(draft);
  if (checked.success && checked.data) await db.settings.put({ key: 'lockDraft', value: checked.data });
}

/** The draft kept at the last lock, removed as it is read: it comes back once. */
export function takeLockDraft(db: VigiaDatabase): Promise<LockDraft | null> {
  return db.transaction('rw', db.settings, async () => {
    const draft = await getSetting(db, 'lockDraft');
    if (draft) await db.settings.delete('lockDraft');
    return draft;
  });
}
