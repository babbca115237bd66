export { generateDemoCase, type DemoCaseOptions } from './generate';
export { snapshotProblems } from './integrity';
export { LEADER_IDENTITY } from './leader';
export { DISPERSAL_PRISON_IDS } from './prisons';
export { createRandom, type Random } from './random';
export {
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_SIZE,
  DEMO_SIZES,
  demoCaseId,
  demoLeaderId,
  demoShape,
  isDemoSize,
  MAX_DEMO_SIZE,
  MIN_DEMO_SIZE,
  type DemoShape,
} from './shape';
