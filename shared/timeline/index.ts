// The timeline of a case as pure data: lanes of stays, transfers, releases, links and events; what
// has no date; which lanes a viewport shows; and the time scale (date ↔ x, zoom, ticks).
export * from './model';
export * from './dates';
export * from './spells';
export * from './build-timeline';
export * from './virtual-window';
export * from './time-scale';
