import { useTranslation } from 'react-i18next';
import type { Marking } from '../../shared/model';

/** A classification marking, coloured as its scheme prescribes (TLP colours, Spanish grades). */
export function MarkingBadge({ marking }: { marking: Marking }) {
  const { t } = useTranslation();
  return <span className={`badge marking marking-${marking.toLowerCase()}`}>{t(`marking.${marking}`)}</span>;
}
