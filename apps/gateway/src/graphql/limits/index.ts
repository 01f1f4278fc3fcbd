export * from './limit-error';
export * from './depth-limit.rule';
export * from './alias-limit.rule';
export * from './cost-limit.rule';
export * from './cost-limit.plugin';
