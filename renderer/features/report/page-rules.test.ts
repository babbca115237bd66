import { describe, expect, it } from 'vitest';
import { cssString, pageRules } from './page-rules';

describe('the printed page’s rules', () => {
  it('put the marking at top and bottom and the page count at the bottom', () => {
    const rules = pageRules('RESERVADO', 'página', 'de');
    expect(rules).toContain('@top-center { content: "RESERVADO"');
    expect(rules).toContain('@bottom-center { content: "RESERVADO"');
    expect(rules).toContain('content: "página " counter(page) " de " counter(pages)');
  });

  it('never let a text close the CSS string it is put in', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
  });
});
