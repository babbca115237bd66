import type { TFunction } from 'i18next';
import type { PassphraseProblem } from '../../../shared/vault';

/** Why a new passphrase was refused, in the words of the lock screen and its settings. */
export function passphraseProblemText(problem: PassphraseProblem, t: TFunction): string {
  return { too_short: t('lock.problem.too_short'), common: t('lock.problem.common'), malformed: t('lock.problem.malformed') }[problem];
}
