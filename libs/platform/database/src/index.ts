export * from './naming-strategy';
export * from './data-source-options';
export * from './migrations';
export * from './redis';
export * from './health';
export * from './cursor';
export * from './database-cli';
export * from './unique-violation';
