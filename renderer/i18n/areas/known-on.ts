/** "The case as known on a day": the control, the banner every screen shows, and why it cannot be shown. */
export const knownOnEs = {
  menu: 'Caso conocido el…',
  dialogTitle: 'El caso tal como se conocía',
  intro:
    'Muestra el caso tal como lo tenía esta estación al final del día elegido: sin lo creado después, con los valores de entonces y con lo borrado después aún presente. Solo lectura.',
  day: 'Conocido al final del día',
  invalidDay: 'Elija un día de hoy o anterior.',
  show: 'Mostrar',
  bannerLabel: 'Estado pasado',
  building: 'Reconstruyendo el caso tal como se conocía el {{date}} desde el diario verificado…',
  progress: '{{done, number}} de {{total, number}} registros',
  pastState: 'Estado pasado, solo lectura.',
  shown: 'El caso tal como lo conocía esta estación al final del {{date}}.',
  brokenChain:
    'El diario de la estación {{workstation}} está roto en la entrada {{entry, number}}: no se puede presentar un estado pasado fiable. Revise el diario del caso.',
  notKnown: 'El caso aún no estaba en esta estación al final del {{date}}.',
  failed: 'No se pudo reconstruir el caso en esa fecha. Inténtelo de nuevo; si se repite, revise el diario del caso.',
  otherDay: 'Otra fecha…',
  cancel: 'Cancelar',
  backToToday: 'Volver a hoy',
  readOnly: 'Un estado pasado no se modifica: vuelva a hoy para editar, importar o sincronizar.',
};

export const knownOnEn: typeof knownOnEs = {
  menu: 'Case as known on…',
  dialogTitle: 'The case as it was known',
  intro:
    'Shows the case as this workstation held it at the end of the chosen day: without what was created later, with the values of then, and with what was deleted later still present. Read-only.',
  day: 'Known at the end of',
  invalidDay: 'Choose today or an earlier day.',
  show: 'Show',
  bannerLabel: 'Past state',
  building: 'Rebuilding the case as it was known on {{date}} from the verified journal…',
  progress: '{{done, number}} of {{total, number}} records',
  pastState: 'Past state, read-only.',
  shown: 'The case as this workstation knew it at the end of {{date}}.',
  brokenChain:
    "Workstation {{workstation}}'s journal is broken at entry {{entry, number}}: a trustworthy past state cannot be shown. Check the case journal.",
  notKnown: 'The case was not yet on this workstation at the end of {{date}}.',
  failed: 'The case could not be rebuilt at that date. Try again; if it happens again, check the case journal.',
  otherDay: 'Another date…',
  cancel: 'Cancel',
  backToToday: 'Back to today',
  readOnly: 'A past state is not changed: go back to today to edit, import or synchronise.',
};
