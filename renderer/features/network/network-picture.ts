import cytoscape from 'cytoscape';
import type { TFunction } from 'i18next';
import type { NetworkInput } from '../../../shared/network';
import { buildNetworkElements } from '../../network-model/build-elements';
import { drawnGeometry } from './drawn-view';
import { buildSvg } from './export-svg';
import { legendEntries } from './legend-entries';
import { networkStylesheet } from './stylesheet';
import { setDetail } from './zoom-detail';

/**
 * A picture of a network as SVG text, drawn from data rather than from the screen: the view's own
 * drawing ("people grouped by prison", every name and link at full detail) laid out by the same
 * code as the screen, styled by the same stylesheet in a headless Cytoscape, written by the SVG
 * export (every text escaped there). The report's figure, and the picture of a view released at a
 * lower marking (drawn from only what the release keeps, so nothing withheld is even counted).
 */
export function networkPictureSvg(input: NetworkInput, options: { title: string; marking: string; today: string; t: TFunction; formatNumber: (n: number) => string }): string {
  const built = buildNetworkElements(input, { outside: options.t('network.noPrison'), formatNumber: options.formatNumber }, { view: 'grouped', today: options.today });
  // 'preset': the positions the layout code gave; without it headless Cytoscape puts every node at (0, 0).
  const core = cytoscape({ headless: true, styleEnabled: true, elements: [...built.elements], style: networkStylesheet(), layout: { name: 'preset' } });
  try {
    setDetail(core, true);
    const geometry = drawnGeometry(core);
    return buildSvg({ ...geometry, marking: options.marking, title: options.title, legend: legendEntries(built.summary, options.t) });
  } finally {
    core.destroy();
  }
}
