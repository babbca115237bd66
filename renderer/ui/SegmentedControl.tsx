import { useRef, type KeyboardEvent } from 'react';

export interface Segment<T extends string> {
  value: T;
  label: string;
}

/**
 * A row of mutually exclusive choices: a radio group with one tab stop; arrow keys move and choose
 * (WAI-ARIA radio group pattern), Home / End jump to the ends. Looks like the network's view switch
 * (`.view-switcher`), which it generalises.
 */
export function SegmentedControl<T extends string>({
  label,
  segments,
  value,
  onChange,
  className = 'view-switcher',
}: {
  label: string;
  segments: readonly Segment<T>[];
  value: T;
  onChange(value: T): void;
  className?: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (index: number) => {
    const at = (index + segments.length) % segments.length;
    onChange(segments[at]!.value);
    buttons.current[at]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: -1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
  };
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {segments.map((segment, index) => (
        <button
          key={segment.value}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={segment.value === value}
          tabIndex={segment.value === value ? 0 : -1}
          onClick={() => onChange(segment.value)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {segment.label}
        </button>
      ))}
    </div>
  );
}
