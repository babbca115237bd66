import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTSIDE_NODE_ID, prisonNodeId, type NetworkPrison } from '../../../shared/network/network-input';

interface PrisonExpanderProps {
  prisons: readonly NetworkPrison[];
  /** Node id of the picked prison (tapping a prison on the graph picks it too). */
  picked: string | undefined;
  expanded: ReadonlySet<string>;
  hasOutside: boolean;
  outsideLabel: string;
  onPick(nodeId: string): void;
  onToggle(nodeId: string): void;
  onCollapseAll(): void;
}

/** The keyboard way to open a prison of the prison level into its people (double-click on the graph). */
export function PrisonExpander(props: PrisonExpanderProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = [...props.prisons]
    .sort((a, b) => a.name.localeCompare(b.name, 'es'))
    .map((p) => ({ nodeId: prisonNodeId(p.id), label: p.name }));
  if (props.hasOutside) options.push({ nodeId: OUTSIDE_NODE_ID, label: props.outsideLabel });
  const picked = props.picked ?? options[0]?.nodeId ?? '';
  const isOpen = props.expanded.has(picked);
  return (
    <div className="prison-picker">
      <label htmlFor={id}>{t('views.prisonPick')}</label>
      <select
        id={id}
        value={picked}
        onChange={(event) => props.onPick(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && picked) {
            event.preventDefault();
            props.onToggle(picked);
          }
        }}
        aria-describedby={`${id}-hint`}
      >
        {options.map((option) => (
          <option key={option.nodeId} value={option.nodeId}>
            {props.expanded.has(option.nodeId) ? `▾ ${option.label}` : option.label}
          </option>
        ))}
      </select>
      <button type="button" className="button secondary" disabled={!picked} onClick={() => props.onToggle(picked)}>
        {isOpen ? t('views.collapse') : t('views.expand')}
      </button>
      {props.expanded.size > 0 && (
        <button type="button" className="button quiet" onClick={props.onCollapseAll}>
          {t('views.collapseAll')}
        </button>
      )}
      <span id={`${id}-hint`} className="visually-hidden">
        {t('views.expandHint')}
      </span>
    </div>
  );
}
