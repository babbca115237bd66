import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from './generate';
import { snapshotProblems } from './integrity';
import { demoShape, MIN_DEMO_SIZE } from './shape';

describe('demo shape', () => {
  it('is the case of DOMAIN.md at 270 people', () => {
    expect(demoShape(270)).toEqual({
      people: 270,
      prisons: 30,
      convictedPrisons: 28,
      convicted: 150,
      atRisk: 120,
      core: 25,
      corePrisons: 17,
      recruits: 60,
      programmeEnrolled: 9,
      programmeCompleted: 6,
      programmeDroppedOut: 5,
      declinedCore: 10,
      declinedOther: 20,
      releaseSoon: 9,
      releaseSoonCore: 3,
      preventive: 12,
      coreConverts: 3,
    });
  });

  it('holds for any size and seed: the counts of the shape, one leader, no broken reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DEMO_SIZE, max: 400 }), fc.integer({ min: 0, max: 2 ** 31 }), (size, seed) => {
        const snapshot = generateDemoCase({ size, seed, today: '2026-11-24' });
        const shape = demoShape(size);
        const roles = snapshot.persons.map((p) => p.role);
        expect(snapshot.persons).toHaveLength(size);
        expect(snapshot.prisons).toHaveLength(shape.prisons);
        expect(roles.filter((r) => r === 'leader')).toHaveLength(1);
        expect(roles.filter((r) => r === 'core')).toHaveLength(shape.core - 1);
        expect(snapshot.persons.filter((p) => p.monitoring === 'convicted_terrorism')).toHaveLength(shape.convicted);
        expect(snapshotProblems(snapshot)).toEqual([]);
      }),
      { numRuns: 12, seed: 2018 },
    );
  });
});
