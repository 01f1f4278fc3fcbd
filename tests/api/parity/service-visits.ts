/** service-visits: REST operationId → its GraphQL twin (issue 14; tests/api/graphql-parity.e2e-spec.ts). */
export const PARITY: Record<string, string> = {
  // V-2
  listUnderServedCustomers: 'Query.underServedCustomers',
  // V-1
  recordService: 'Mutation.recordService',
  listServiceRecords: 'Query.serviceRecords',
  // V-4
  submitSurvey: 'Mutation.submitSurvey',
  getSatisfactionAverages: 'Query.satisfaction',
  // V-3
  listVisitPlans: 'Query.visitPlans',
};
