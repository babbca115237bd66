import { buildPeopleLevel, type ElementLabels, type NetworkElements, type ViewOptions } from './elements';
import { openingLevelFor, type NetworkInput } from '../../shared/network/network-input';
import { buildPrisonLevel } from './prison-elements';
import { isPrisonLevel } from './view-kinds';

/**
 * Builds what Cytoscape draws for a case in the chosen view. Pure. It sits above both levels
 * (elements.ts for people, prison-elements.ts for prisons) so that neither imports the other.
 */
/** Builds what Cytoscape draws for a case in the chosen view. Pure. */
export function buildNetworkElements(input: NetworkInput, labels: ElementLabels, options: ViewOptions = {}): NetworkElements {
  const view = options.view ?? (openingLevelFor(input) === 'people' ? 'grouped' : 'prisons');
  return isPrisonLevel(view) ? buildPrisonLevel(input, labels, { ...options, view }) : buildPeopleLevel(input, labels, { ...options, view });
}

