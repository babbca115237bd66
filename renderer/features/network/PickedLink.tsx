import { useTranslation } from 'react-i18next';
import type { NetworkInput } from '../../../shared/network';
import { useFormatters } from '../../i18n/formatters';

/**
 * The link picked on the network or the timeline, in words under the drawing: the drawing is a
 * canvas that assistive technology cannot read, and a link left out by the filters or the date is
 * not drawn at all, which the analyst must be told rather than left to look for.
 */
export function PickedLink({ linkId, shown, all, names }: { linkId: string; shown: NetworkInput['links']; all: NetworkInput['links']; names: NetworkInput['persons'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const link = all.find((l) => l.id === linkId);
  if (!link) return null;
  const name = (id: string) => names.find((p) => p.id === id)?.primaryName ?? id;
  const when = link.date ?? link.from;
  const drawn = shown.some((l) => l.id === linkId);
  return (
    <p className="hint" role="status" data-testid="network-picked-link">
      {t('views.pickedLink', { kind: t(`linkKind.${link.kind}`), from: name(link.fromId), to: name(link.toId) })}
      {when ? ` (${format.date(when)})` : ''}
      {drawn ? '' : ` · ${t('views.pickedLinkHidden')}`}
    </p>
  );
}
