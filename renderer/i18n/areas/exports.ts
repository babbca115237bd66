/**
 * Strings of the 'exports' area (the dialog that exports the network for other tools), in Spanish
 * and English. es.ts and en.ts mount them under the 'exports' key.
 */
export const exportsEs = {
  open: 'Exportar para otras herramientas…',
  title: 'Exportar la red para otras herramientas',
  intro: 'GraphML y GEXF para Gephi, networkx o Cytoscape; CSV para Gephi, i2 y hojas de cálculo. El archivo lleva la clasificación más alta de lo que contiene.',
  scope: 'Qué exportar',
  scopeCase: 'El caso completo',
  scopeView: 'La red tal como se muestra ahora (sus filtros y su fecha)',
  scopeViewAsOf: 'La red tal como se muestra ahora (sus filtros; a fecha {{date}})',
  format: 'Formato',
  formats: {
    graphml: 'GraphML (networkx, Gephi, Cytoscape)',
    'gexf-1.2': 'GEXF 1.2 dinámico (Gephi, networkx)',
    'gexf-1.3': 'GEXF 1.3 dinámico (Gephi 0.10)',
    csv: 'CSV en un ZIP (Gephi, i2, hojas de cálculo, métricas de Vigía)',
  },
  prisonsAsNodes: 'Incluir las prisiones como nodos y las estancias como aristas',
  start: 'Exportar',
  cancel: 'Cancelar',
  reading: 'Leyendo el caso…',
  writing: 'Escribiendo: {{done, number}} de {{total, number}} elementos',
  saved: 'Exportado: {{name}} ({{persons, number}} personas, {{links, number}} vínculos), clasificado {{marking}}. Queda anotado en el historial del caso.',
  cancelled: 'Exportación cancelada: no se ha guardado nada.',
  failed: 'No se pudo exportar: {{reason}}. No se ha guardado nada.',
  saveFailed: 'No se pudo guardar el archivo. Pruebe otra carpeta.',
};

export const exportsEn: typeof exportsEs = {
  open: 'Export for other tools…',
  title: 'Export the network for other tools',
  intro: 'GraphML and GEXF for Gephi, networkx or Cytoscape; CSV for Gephi, i2 and spreadsheets. The file carries the highest marking of what it holds.',
  scope: 'What to export',
  scopeCase: 'The whole case',
  scopeView: 'The network as shown now (its filters and date)',
  scopeViewAsOf: 'The network as shown now (its filters; as of {{date}})',
  format: 'Format',
  formats: {
    graphml: 'GraphML (networkx, Gephi, Cytoscape)',
    'gexf-1.2': 'Dynamic GEXF 1.2 (Gephi, networkx)',
    'gexf-1.3': 'Dynamic GEXF 1.3 (Gephi 0.10)',
    csv: 'CSV in a ZIP (Gephi, i2, spreadsheets, Vigía’s metrics)',
  },
  prisonsAsNodes: 'Include prisons as nodes and stays as edges',
  start: 'Export',
  cancel: 'Cancel',
  reading: 'Reading the case…',
  writing: 'Writing: {{done, number}} of {{total, number}} elements',
  saved: 'Exported: {{name}} ({{persons, number}} people, {{links, number}} links), marked {{marking}}. Noted in the case’s history.',
  cancelled: 'Export cancelled: nothing was saved.',
  failed: 'The export failed: {{reason}}. Nothing was saved.',
  saveFailed: 'The file could not be saved. Try another folder.',
};
