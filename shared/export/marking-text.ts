import type { Marking } from '../model';

/**
 * The marking as it is printed on a file that leaves Vigía, whatever the interface's language: the
 * Spanish national levels by their official names, TLP as FIRST writes it.
 */
export const MARKING_ON_FILES: Readonly<Record<Marking, string>> = {
  DIFUSION_LIMITADA: 'DIFUSIÓN LIMITADA',
  CONFIDENCIAL: 'CONFIDENCIAL',
  RESERVADO: 'RESERVADO',
  SECRETO: 'SECRETO',
  TLP_CLEAR: 'TLP:CLEAR',
  TLP_GREEN: 'TLP:GREEN',
  TLP_AMBER: 'TLP:AMBER',
  TLP_AMBER_STRICT: 'TLP:AMBER+STRICT',
  TLP_RED: 'TLP:RED',
};
