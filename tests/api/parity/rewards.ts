/** rewards: REST operationId → its GraphQL twin (issue 14; tests/api/graphql-parity.e2e-spec.ts). */
export const PARITY: Record<string, string> = {
  // points
  getPoints: 'Query.pointsAccount',
  correctPointsEntry: 'Mutation.correctPointsEntry',
  redeemPoints: 'Mutation.redeemPoints',
  // staff fines
  listFines: 'Query.fines',
  getFineTotals: 'Query.fineTotals',
};
