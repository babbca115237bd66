import type { TFunction } from 'i18next';
import type { JobError } from '../../workers/bundle-protocol';

/**
 * The bundle core's error as a sentence a person can act on. Every code has a message; the error's
 * own fields (path, line, limit…) fill it in. A code without one (a newer core) falls back to the
 * generic "could not be read".
 */
export function bundleErrorText(t: TFunction, error: JobError): string {
  const { code, ...data } = error;
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v)]));
  const key = `sync.error.${code}` as const;
  return t(key, { ...values, defaultValue: t('sync.error.bundle_unreadable') });
}
