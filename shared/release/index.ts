export { releaseCase, withholdsNothing, type Release, type WithheldCounts } from './release-case';
