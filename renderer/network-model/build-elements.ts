import { buildPeopleLevel, groupedNamesRead, type ElementLabels, type NetworkElements, type ViewOptions } from './elements';
import { openingLevelFor, type NetworkInput } from '../../shared/network/network-input';
import { buildPrisonLevel } from './prison-elements';
import { isPrisonLevel } from './view-kinds';

/**
 * Builds what Cytoscape draws for a case in the chosen view. Pure. It sits above both levels
 * (elements.ts for people, prison-elements.ts for prisons) so that neither imports the other.
 */
/** Builds what Cytoscape draws for a case in the chosen view. Pure. */
export function buildNetworkElements(input: NetworkInput, labels: ElementLabels, options: ViewOptions = {}): NetworkElements {
  const view = options.view ?? openingView(input, labels);
  return isPrisonLevel(view) ? buildPrisonLevel(input, labels, { ...options, view }) : buildPeopleLevel(input, labels, { ...options, view });
}


/**
 * The view a case opens in, by what reads best: its people in their prisons while the case is small
 * enough to draw one by one and the prisons' names read there; else its prisons (names on a grid
 * sized for them), from which a prison opens to its people.
 */
export function openingView(input: NetworkInput, labels: ElementLabels): 'grouped' | 'prisons' {
  return openingLevelFor(input) === 'people' && groupedNamesRead(input, labels) ? 'grouped' : 'prisons';
}
