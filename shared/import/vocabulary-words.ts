import { foldForMatch } from '../search/fold';

/**
 * Words analysts write in their spreadsheets for the model's closed vocabularies, Spanish and
 * English, folded. A mapping can add its own (`values`); the stable value itself is always accepted.
 */
export const VOCABULARY_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role: {
    lider: 'leader', leader: 'leader', cabecilla: 'leader', jefe: 'leader',
    nucleo: 'core', core: 'core', miembro: 'core', 'miembro del nucleo': 'core',
    recluta: 'recruit', recruit: 'recruit', captado: 'recruit',
    contacto: 'contact', contact: 'contact',
    desconocido: 'unknown', unknown: 'unknown',
  },
  monitoring: {
    'condenado por terrorismo': 'convicted_terrorism', terrorismo: 'convicted_terrorism', 'convicted terrorism': 'convicted_terrorism', 'fies 3 (ba)': 'convicted_terrorism',
    captador: 'recruiter', proselitista: 'recruiter', 'captador/proselitista': 'recruiter', recruiter: 'recruiter',
    'en riesgo': 'at_risk', riesgo: 'at_risk', 'at risk': 'at_risk', radicalizable: 'at_risk',
    'sin seguimiento': 'not_monitored', ninguno: 'not_monitored', 'not monitored': 'not_monitored',
  },
  programme: {
    ninguno: 'none', no: 'none', none: 'none',
    inscrito: 'enrolled', 'en curso': 'enrolled', enrolled: 'enrolled', participa: 'enrolled',
    rechazado: 'declined', rechaza: 'declined', declined: 'declined', 'no acepta': 'declined',
    completado: 'completed', finalizado: 'completed', completed: 'completed',
    abandonado: 'dropped_out', abandona: 'dropped_out', 'dropped out': 'dropped_out', abandono: 'dropped_out',
  },
  linkKind: {
    carta: 'letter', cartas: 'letter', letter: 'letter', correspondencia: 'letter', postal: 'letter',
    llamada: 'call', llamadas: 'call', telefono: 'call', call: 'call', 'llamada telefonica': 'call',
    visita: 'visit', visitas: 'visit', 'vis a vis': 'visit', visit: 'visit', comunicacion: 'visit',
    'mismo modulo': 'shared_module', 'modulo compartido': 'shared_module', 'shared module': 'shared_module',
    coimputado: 'co_defendant', coacusado: 'co_defendant', 'co-defendant': 'co_defendant', 'co defendant': 'co_defendant',
    familia: 'family', familiar: 'family', family: 'family',
    captacion: 'recruitment', reclutamiento: 'recruitment', recruitment: 'recruitment',
    liderazgo: 'leadership', leadership: 'leadership',
    otro: 'other', otros: 'other', other: 'other',
  },
  eventKind: {
    detencion: 'arrest', arresto: 'arrest', arrest: 'arrest',
    condena: 'conviction', sentencia: 'conviction', conviction: 'conviction',
    traslado: 'transfer', transfer: 'transfer',
    excarcelacion: 'release', libertad: 'release', release: 'release',
    extradicion: 'extradition', extradition: 'extradition',
    operacion: 'operation', operation: 'operation',
    otro: 'other', other: 'other',
  },
  sourceKind: {
    carta: 'letter', letter: 'letter',
    'registro de llamadas': 'call_record', llamadas: 'call_record', 'call record': 'call_record',
    'registro de visitas': 'visit_log', visitas: 'visit_log', 'visit log': 'visit_log',
    informe: 'report', report: 'report', atestado: 'report',
    prensa: 'press', press: 'press', noticia: 'press',
    testimonio: 'testimony', declaracion: 'testimony', testimony: 'testimony',
    sentencia: 'court_record', auto: 'court_record', 'court record': 'court_record',
    otro: 'other', other: 'other',
  },
};

/** Spanish and English country names analysts write, folded, to ISO 3166-1 alpha-2. */
export const COUNTRY_WORDS: Readonly<Record<string, string>> = {
  espana: 'ES', espanola: 'ES', espanol: 'ES', spain: 'ES', spanish: 'ES',
  marruecos: 'MA', marroqui: 'MA', morocco: 'MA', moroccan: 'MA',
  argelia: 'DZ', argelina: 'DZ', argelino: 'DZ', algeria: 'DZ', algerian: 'DZ',
  tunez: 'TN', tunecina: 'TN', tunecino: 'TN', tunisia: 'TN', tunisian: 'TN',
  francia: 'FR', francesa: 'FR', frances: 'FR', france: 'FR', french: 'FR',
  belgica: 'BE', belgium: 'BE', 'paises bajos': 'NL', holanda: 'NL', netherlands: 'NL',
  alemania: 'DE', germany: 'DE', 'reino unido': 'GB', 'united kingdom': 'GB',
  siria: 'SY', syria: 'SY', irak: 'IQ', iraq: 'IQ', egipto: 'EG', egypt: 'EG',
  libia: 'LY', libya: 'LY', mauritania: 'MR', mali: 'ML', senegal: 'SN',
  pakistan: 'PK', afganistan: 'AF', afghanistan: 'AF', turquia: 'TR', turkey: 'TR',
  portugal: 'PT', italia: 'IT', italy: 'IT', suiza: 'CH', switzerland: 'CH',
  rusia: 'RU', russia: 'RU', chechenia: 'RU', 'bosnia y herzegovina': 'BA', bosnia: 'BA',
  'arabia saudi': 'SA', 'saudi arabia': 'SA', jordania: 'JO', jordan: 'JO', libano: 'LB', lebanon: 'LB',
};

export function foldWord(text: string): string {
  return foldForMatch(text).replace(/[^\p{L}\p{N}/()-]+/gu, ' ').trim();
}
