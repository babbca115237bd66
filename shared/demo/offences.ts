/** Offences, as sentences name them, with the range of months a court typically pronounces. */
export interface Offence {
  readonly text: string;
  readonly minMonths: number;
  readonly maxMonths: number;
}

/** Jihadist offences (Código Penal, arts. 572–579). Heavier ones first: the core draws from those. */
export const TERRORISM_OFFENCES: readonly Offence[] = [
  { text: 'Conspiración para cometer atentado terrorista (arts. 573 y 579 CP)', minMonths: 96, maxMonths: 180 },
  { text: 'Depósito de armas y explosivos con fines terroristas (art. 574 CP)', minMonths: 96, maxMonths: 168 },
  { text: 'Integración en organización terrorista (art. 572.2 CP)', minMonths: 72, maxMonths: 144 },
  { text: 'Financiación del terrorismo (art. 576 CP)', minMonths: 60, maxMonths: 120 },
  { text: 'Captación y adoctrinamiento con fines terroristas (art. 577.2 CP)', minMonths: 60, maxMonths: 120 },
  { text: 'Colaboración con organización terrorista (art. 577 CP)', minMonths: 60, maxMonths: 120 },
  { text: 'Autoadoctrinamiento con fines terroristas (art. 575 CP)', minMonths: 24, maxMonths: 60 },
  { text: 'Enaltecimiento del terrorismo (art. 578 CP)', minMonths: 14, maxMonths: 36 },
];

/** Other offences, served by inmates monitored for signs of radicalisation. */
export const OTHER_OFFENCES: readonly Offence[] = [
  { text: 'Robo con violencia o intimidación (art. 242 CP)', minMonths: 24, maxMonths: 60 },
  { text: 'Tráfico de drogas (art. 368 CP)', minMonths: 36, maxMonths: 108 },
  { text: 'Homicidio (art. 138 CP)', minMonths: 120, maxMonths: 180 },
  { text: 'Lesiones (art. 147 CP)', minMonths: 12, maxMonths: 36 },
  { text: 'Robo con fuerza en las cosas (art. 238 CP)', minMonths: 12, maxMonths: 48 },
  { text: 'Tenencia ilícita de armas (art. 564 CP)', minMonths: 12, maxMonths: 36 },
  { text: 'Detención ilegal (art. 163 CP)', minMonths: 48, maxMonths: 72 },
  { text: 'Pertenencia a organización criminal (art. 570 bis CP)', minMonths: 24, maxMonths: 72 },
  { text: 'Falsificación de documento oficial (art. 392 CP)', minMonths: 6, maxMonths: 36 },
];

/** The leader's conviction: fourteen years for plotting truck-bomb attacks in Madrid. */
export const LEADER_OFFENCE =
  'Conspiración para cometer atentados terroristas con camiones bomba contra objetivos de alto valor en Madrid (arts. 573 y 579 CP)';
export const LEADER_SENTENCE_MONTHS = 168;
