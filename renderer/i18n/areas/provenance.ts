/**
 * Strings of the provenance area (who last changed a record, on which workstation, through which
 * bundle), in Spanish and English; es.ts and en.ts mount them under 'provenance'.
 */
export const provenanceEs = {
  lastChange: 'Último cambio: {{who}} · {{when}}',
  viaBundle: 'por el paquete {{bundle}} de {{sender}}',
  viaBundleUnknownSender: 'por el paquete {{bundle}}',
  here: 'esta estación',
  namedHere: '{{analyst}} (esta estación)',
  namedElsewhere: '{{analyst}} (estación {{workstation}})',
  elsewhere: 'estación {{workstation}}',
  demo: 'datos de demostración',
  arrivedIn: 'Llegó en el paquete {{bundle}} de {{sender}}',
  arrivedInUnknownSender: 'Llegó en el paquete {{bundle}}',
  replaced: 'lo tachado es el valor que sustituyó al fusionarlo',
  importedBundle: 'Paquete {{bundle}} de {{sender}}',
  importedBundleUnknownSender: 'Paquete {{bundle}}',
  bundleId: 'Paquete {{bundle}}',
};

export const provenanceEn: typeof provenanceEs = {
  lastChange: 'Last change: {{who}} · {{when}}',
  viaBundle: 'through bundle {{bundle}} from {{sender}}',
  viaBundleUnknownSender: 'through bundle {{bundle}}',
  here: 'this workstation',
  namedHere: '{{analyst}} (this workstation)',
  namedElsewhere: '{{analyst}} (workstation {{workstation}})',
  elsewhere: 'workstation {{workstation}}',
  demo: 'demo data',
  arrivedIn: 'Arrived in bundle {{bundle}} from {{sender}}',
  arrivedInUnknownSender: 'Arrived in bundle {{bundle}}',
  replaced: 'struck through is the value it replaced in the merge',
  importedBundle: 'Bundle {{bundle}} from {{sender}}',
  importedBundleUnknownSender: 'Bundle {{bundle}}',
  bundleId: 'Bundle {{bundle}}',
};
