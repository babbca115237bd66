import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_VIEW_KINDS, type NetworkViewKind } from '../../network-model/view-kinds';

/**
 * A segmented control for the views of the case: a radio group with one tab stop, arrow keys move
 * and choose (as WAI-ARIA's radio group pattern does), Home/End jump to the ends.
 */
export function ViewSwitcher({ value, onChange }: { value: NetworkViewKind; onChange(view: NetworkViewKind): void }) {
  const { t } = useTranslation();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (index: number) => {
    const view = NETWORK_VIEW_KINDS[(index + NETWORK_VIEW_KINDS.length) % NETWORK_VIEW_KINDS.length]!;
    onChange(view);
    buttons.current[NETWORK_VIEW_KINDS.indexOf(view)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: -1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
  };
  return (
    <div className="view-switcher" role="radiogroup" aria-label={t('views.switchLabel')}>
      {NETWORK_VIEW_KINDS.map((view, index) => (
        <button
          key={view}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={view === value}
          tabIndex={view === value ? 0 : -1}
          title={t(`views.kindHint.${view}`)}
          onClick={() => onChange(view)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t(`views.kind.${view}`)}
        </button>
      ))}
    </div>
  );
}
