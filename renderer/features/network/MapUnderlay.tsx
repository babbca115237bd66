import type { Core } from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import { spainOutlinePath } from '../../network-model/map-projection';

/**
 * Spain's outline under the map view, drawn once as SVG in the graph's model coordinates and moved
 * with Cytoscape's pan and zoom (a transform on one group: no redraw, nothing fetched).
 */
export function MapUnderlay({ cy }: { cy: Core | null }) {
  const group = useRef<SVGGElement>(null);
  const path = useMemo(() => spainOutlinePath(), []);
  useEffect(() => {
    const instance = cy;
    if (!instance) return;
    const follow = () => {
      const pan = instance.pan();
      group.current?.setAttribute('transform', `translate(${pan.x} ${pan.y}) scale(${instance.zoom()})`);
    };
    follow();
    instance.on('viewport', follow);
    return () => {
      instance.off('viewport', follow);
    };
  }, [cy]);
  return (
    <svg className="map-underlay" aria-hidden="true">
      <g ref={group}>
        <path d={path} fill="#EEF2F5" stroke="#B8C2CC" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      </g>
    </svg>
  );
}
