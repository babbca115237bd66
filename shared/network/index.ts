// What a case's network is made of (people, prisons, links, stays) and which part of it the analyst's
// filters let through: one definition for the network view, the analytics and the exports.
export * from './network-input';
export * from './filters';
export * from './case-records';
