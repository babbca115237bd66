import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { es } from '../i18n/es';

type ValidationCode = keyof typeof es.validation;

function isKnownCode(code: string): code is ValidationCode {
  return Object.hasOwn(es.validation, code);
}

/** Turns a validation code from shared/model or renderer/db into a sentence; unknown codes say "invalid". */
export function useValidationMessage(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback((code: string) => t(`validation.${isKnownCode(code) ? code : 'invalid'}`), [t]);
}
