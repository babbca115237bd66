// Files that leave Vigía for other tools (GraphML for networkx/Gephi/Cytoscape, CSV for Gephi, i2
// and Vigía's own metrics), from the same selection the network view makes. docs/exports.md lists
// every attribute and column.
export { exportedNetwork, type ExportedLink, type ExportedNetwork, type ExportedPerson, type ExportRequest } from './exported-network';
export { graphmlChunks, type GraphmlOptions } from './graphml';
export { LIST_SEPARATOR } from './list-separator';
export { csvFiles, type CsvFile } from './csv-files';
export { csvCell, csvLine, BOM } from './csv-cell';
export { MARKING_ON_FILES } from './marking-text';
export { presenceSpells, type Spell } from './spells';
export { xmlText } from './xml-text';
export { gexfChunks, type GexfVersion } from './gexf';
