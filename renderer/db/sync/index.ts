export * from './apply-bundle';
export * from './bundle-log';
export * from './case-contents';
export * from './plan-summary';
export * from './what-to-send';
