export * from './app-error';
export * from './to-problem';
export * from './problem-details.filter';
export * from './graphql-error';
