export * from './sheet-rules.config';
export * from './sheet-window';
export * from './sheet-submission';
export * from './planned-invitations';
export * from './claim-precedence';
export * from './sheet-reconciliation';
export * from './sheet-fines';
