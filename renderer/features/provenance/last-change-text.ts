import type { TFunction } from 'i18next';
import type { BundleOrigin, LastChange } from '../../db';
import { shortId } from '../../ui/short-id';

/** Who made the change, in the analyst's words: a name and its workstation, this workstation, or the demo. */
function whoText(t: TFunction, change: LastChange): string {
  if (change.here) return change.analyst ? t('provenance.namedHere', { analyst: change.analyst }) : t('provenance.here');
  if (change.demo) return t('provenance.demo');
  const workstation = shortId(change.workstationId);
  return change.analyst ? t('provenance.namedElsewhere', { analyst: change.analyst, workstation }) : t('provenance.elsewhere', { workstation });
}

/** "por el paquete 9C1E… de Ana García" (or without the sender when this workstation cannot tell). */
export function viaBundleText(t: TFunction, bundle: BundleOrigin): string {
  const id = shortId(bundle.bundleId);
  return bundle.sender ? t('provenance.viaBundle', { bundle: id, sender: bundle.sender.name }) : t('provenance.viaBundleUnknownSender', { bundle: id });
}

/**
 * «Último cambio: Ana García (estación 3F2A…) · 24 nov 2026 14:05 · por el paquete 9C1E… de Ana García».
 * Plain text: names come from case data and colleagues' cards, never markup.
 */
export function lastChangeText(t: TFunction, change: LastChange, when: (millis: number) => string): string {
  const line = t('provenance.lastChange', { who: whoText(t, change), when: when(change.at) });
  return change.bundle ? `${line} · ${viaBundleText(t, change.bundle)}` : line;
}

/** The full ids behind the short ones, for the tooltip. */
export function lastChangeIds(change: LastChange): string {
  return [change.workstationId, change.bundle?.bundleId].filter(Boolean).join(' · ');
}
