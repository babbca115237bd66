import { useTranslation } from 'react-i18next';
import { effectiveMarking, type Marking } from '../../shared/model';

/** A classification marking, coloured as its scheme prescribes (TLP colours, Spanish grades). */
export function MarkingBadge({ marking }: { marking: Marking }) {
  const { t } = useTranslation();
  return <span className={`badge marking marking-${marking.toLowerCase()}`}>{t(`marking.${marking}`)}</span>;
}

/**
 * A record's marking beside it (after a space), when it is above its case's (the case's own marking is on the
 * banner of every screen already); nothing otherwise.
 */
export function RaisedMarking({ marking, caseMarking }: { marking: Marking | undefined; caseMarking: Marking | undefined }) {
  if (!caseMarking || marking === undefined) return null;
  const carried = effectiveMarking(marking, caseMarking);
  // The space before it is its own, so nothing is added beside a record at the case's marking.
  return carried === caseMarking ? null : (
    <>
      {' '}
      <MarkingBadge marking={carried} />
    </>
  );
}
