import { describe, expect, it } from 'vitest';
import { buildSvg, escapeXml, type DrawnView } from './export-svg';

const view: DrawnView = {
  nodes: [
    { x: 0, y: 0, width: 200, height: 120, shape: 'round-rectangle', fill: '#F4F6F8', stroke: '#9AA5B1', strokeWidth: 1, label: 'Alcalá Meco', fontSize: 26, labelAbove: true },
    { x: -40, y: 0, width: 30, height: 30, shape: 'ellipse', fill: '#7A1F3D', label: '<script>alert(1)</script> & "Abu"', fontSize: 9, labelAbove: false, releasing: true },
    { x: 40, y: 10, width: 16, height: 16, shape: 'ellipse', fill: '#5B6B7F', label: 'Karim', fontSize: 9, labelAbove: false },
  ],
  edges: [{ x1: -40, y1: 0, x2: 40, y2: 10, color: '#0072B2', width: 2, opacity: 0.35, arrow: true }],
  marking: 'CONFIDENCIAL',
  title: 'Operación Prueba — red del caso',
  legend: [
    { key: 'kind-letter', label: 'Carta', sample: { kind: 'line', color: '#0072B2', dash: undefined, width: 2, arrow: false } },
    { key: 'release', label: 'Sale en libertad en 90 días o menos', sample: { kind: 'badge' } },
  ],
};

describe('buildSvg', () => {
  const svg = buildSvg(view);

  it('is a standalone SVG document that parses', () => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  it('carries the marking above and below, the title, and the legend', () => {
    expect(svg.match(/>CONFIDENCIAL</g)).toHaveLength(2);
    expect(svg).toContain('Operación Prueba — red del caso');
    expect(svg).toContain('>Carta<');
    expect(svg).toContain('>Sale en libertad en 90 días o menos<');
  });

  it('draws the people, the prison, the link with its arrow, and the release ring', () => {
    expect(svg).toContain('>Alcalá Meco<');
    expect(svg).toContain('>Karim<');
    expect(svg.match(/<ellipse /g)).toHaveLength(2);
    expect(svg).toMatch(/<line [^>]*stroke="#0072B2"/);
    expect(svg).toContain('<polygon');
    expect(svg).toMatch(/<circle [^>]*fill="none" stroke="#E69F00"/);
  });

  it('never lets a name become markup', () => {
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Abu&quot;');
    expect(escapeXml(`a'b`)).toBe('a&apos;b');
  });
});
