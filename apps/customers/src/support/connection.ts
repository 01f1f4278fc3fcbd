/** The `pageInfo` of every GraphQL connection, shared by every subgraph (@crm/http). */
export { PageInfo } from '@crm/http';

/** The largest `first` a connection accepts. */
export const MAX_CONNECTION_PAGE = 200;
