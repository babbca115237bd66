import { describe, expect, it } from 'vitest';
import { effectiveMarking, highestMarking, isAtOrBelow, markingsFrom } from './marking';

describe('record markings', () => {
  it('a record has its own marking when above the case’s, else the case’s', () => {
    expect(effectiveMarking(undefined, 'RESERVADO')).toBe('RESERVADO');
    expect(effectiveMarking('SECRETO', 'RESERVADO')).toBe('SECRETO');
    expect(effectiveMarking('DIFUSION_LIMITADA', 'RESERVADO')).toBe('RESERVADO');
    expect(effectiveMarking('TLP_AMBER', 'TLP_GREEN')).toBe('TLP_AMBER');
  });

  it('a marking of the other family fails closed: the highest of the case’s family', () => {
    expect(effectiveMarking('TLP_CLEAR', 'DIFUSION_LIMITADA')).toBe('SECRETO');
    expect(effectiveMarking('DIFUSION_LIMITADA', 'TLP_CLEAR')).toBe('TLP_RED');
  });

  it('orders within a family only', () => {
    expect(isAtOrBelow('CONFIDENCIAL', 'RESERVADO')).toBe(true);
    expect(isAtOrBelow('SECRETO', 'RESERVADO')).toBe(false);
    expect(isAtOrBelow('TLP_CLEAR', 'SECRETO')).toBe(false);
    expect(isAtOrBelow('TLP_AMBER', 'TLP_AMBER_STRICT')).toBe(true);
    expect(highestMarking(['CONFIDENCIAL', 'SECRETO', 'RESERVADO'])).toBe('SECRETO');
    expect(highestMarking([])).toBeUndefined();
  });

  it('offers a record the case’s marking and those above; a release any level from the case’s up', () => {
    expect(markingsFrom('RESERVADO')).toEqual(['RESERVADO', 'SECRETO']);
    expect(markingsFrom('TLP_AMBER')).toEqual(['TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED']);
  });
});
