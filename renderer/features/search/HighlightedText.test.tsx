import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightedText } from './HighlightedText';

describe('HighlightedText', () => {
  it('marks the matched stretches and keeps the rest as text, markup included', () => {
    const { container } = render(<HighlightedText text="Abu <i>Yusuf</i>" highlights={[{ start: 0, end: 3 }, { start: 4, end: 7 }]} />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Abu', '<i>']);
    expect(container.textContent).toBe('Abu <i>Yusuf</i>');
    expect(container.querySelector('i')).toBeNull();
  });
});
