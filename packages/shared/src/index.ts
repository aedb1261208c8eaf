export * from './errors';
export * from './model';
export * from './schemas';
export * from './events';
export * from './validate';
export * from './scorecard';
export * from './notices';
