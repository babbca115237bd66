import { useTranslation } from 'react-i18next';
import { DamagedRecordError } from '../../../shared/vault/record-cipher';
import { useRecordNames } from './record-names';

/** A failure caused by a stored record that did not open (a single read of it fails; lists leave it out). */
export function isDamagedRecordFailure(error: unknown): error is Pick<DamagedRecordError, 'table' | 'key'> {
  if (error instanceof DamagedRecordError) return true;
  // By name too: an error that crossed from a worker or another bundle of the same class.
  const named = error as Partial<DamagedRecordError> | null;
  return typeof named === 'object' && named?.name === 'DamagedRecordError' && typeof named.table === 'string' && typeof named.key === 'string';
}

/** The start-up failure in words that name the record it stopped on, or undefined when it is not that. */
export function useStartFailureText(error: unknown): string | undefined {
  const { t } = useTranslation();
  const { record } = useRecordNames();
  return isDamagedRecordFailure(error) ? t('damaged.startFailed', { record: record(error.table, error.key) }) : undefined;
}
