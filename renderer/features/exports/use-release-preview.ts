import { useEffect, useState } from 'react';
import type { Marking } from '../../../shared/model';
import type { DatabaseAddress } from '../../db';
import type { NetworkFilters } from '../../../shared/network';
import { localToday } from '../../i18n/formatters';
import type { ReleasePreviewResult } from '../../workers/export-protocol';
import { previewRelease } from './export-client';

/**
 * What releasing the case up to `releaseUpTo` leaves out, and the marking the output will carry,
 * computed in the export worker before anything is written; 'checking' until the answer for exactly
 * this choice arrives (an earlier choice's answer is never shown for a later one). Absent level: the
 * whole case (only the marking is asked). `filters`: the network view's, when the output is the view.
 */
export function useReleasePreview(database: DatabaseAddress, caseId: string, releaseUpTo: Marking | undefined, filters?: NetworkFilters): ReleasePreviewResult | 'checking' | undefined {
  const [preview, setPreview] = useState<{ key: string; value?: ReleasePreviewResult }>();
  const key = JSON.stringify([database.name, caseId, releaseUpTo ?? null, filters ?? null]);
  useEffect(() => {
    const check = previewRelease({
      database,
      caseId,
      format: 'graphml',
      exportedOn: localToday(),
      prisonsAsNodes: false,
      ...(filters ? { filters } : {}),
      ...(releaseUpTo ? { releaseUpTo } : {}),
    });
    check.result.then(
      (value) => setPreview({ key, value }),
      () => setPreview({ key }),
    );
    return () => check.cancel();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- everything the check reads is in `key`
  }, [key]);
  return preview?.key === key ? preview.value : 'checking';
}
