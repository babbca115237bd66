import type { CaseNetwork } from '../db';
import type { NetworkInput } from '../../shared/network/network-input';

/** The database's read model carries more than the drawing needs; this keeps the view's input small. */
export function toNetworkInput(network: CaseNetwork): NetworkInput {
  return {
    persons: network.persons,
    prisons: network.prisons,
    links: network.links,
    currentPrisonByPerson: network.currentPrisonByPerson,
  };
}
