import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from './elements';
import { LINK_STYLES, ROLE_STYLES, SVG_DASH } from './link-styles';

function LineSample({ color, dash, width, arrow }: { color: string; dash: string | undefined; width: number; arrow: boolean }) {
  return (
    <svg className="legend-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
      <line x1="2" y1="6" x2={arrow ? 27 : 34} y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      {arrow && <polygon points="26,2 34,6 26,10" fill={color} />}
    </svg>
  );
}

function NodeSample({ color, size, square = false }: { color: string; size: number; square?: boolean }) {
  return (
    <svg className="legend-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
      {square ? (
        <rect x="4" y="2" width="28" height="12" rx="3" fill="#F4F6F8" stroke="#9AA5B1" />
      ) : (
        <circle cx="18" cy="8" r={size} fill={color} />
      )}
    </svg>
  );
}

/** The key to the drawing, built from the same style table and only for what is drawn. */
export function Legend({ summary }: { summary: NetworkSummary }) {
  const { t } = useTranslation();
  return (
    <details className="legend" open>
      <summary>
        <h2>{t('network.legendTitle')}</h2>
      </summary>
      <ul>
        {summary.level === 'people' ? (
          <>
            <li>
              <NodeSample color="" size={0} square />
              {t('network.legendPrison')}
            </li>
            <li>
              <NodeSample color={ROLE_STYLES.leader.color} size={7} />
              {t('network.legendLeader')}
            </li>
            <li>
              <NodeSample color={ROLE_STYLES.core.color} size={5.5} />
              {t('network.legendCore')}
            </li>
            <li>
              <NodeSample color={ROLE_STYLES.recruit.color} size={4.5} />
              {t('network.legendPerson')}
            </li>
            {summary.kinds.map((kind) => (
              <li key={kind}>
                <LineSample
                  color={LINK_STYLES[kind].color}
                  dash={SVG_DASH[LINK_STYLES[kind].lineStyle]}
                  width={LINK_STYLES[kind].width}
                  arrow={false}
                />
                {t(`linkKind.${kind}`)}
              </li>
            ))}
            {summary.kinds.length > 0 && (
              <li className="hint">
                <LineSample color="#52606D" dash={undefined} width={1.5} arrow />
                {t('network.legendDirected')}
              </li>
            )}
          </>
        ) : (
          <li>
            <LineSample color="#52606D" dash={undefined} width={4} arrow={false} />
            {t('network.legendAggregated')}
          </li>
        )}
      </ul>
    </details>
  );
}
