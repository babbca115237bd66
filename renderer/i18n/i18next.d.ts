import 'i18next';
import type { es } from './es';

// Typed keys: a `t('…')` call with a key that is not in the Spanish resources fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof es };
  }
}
