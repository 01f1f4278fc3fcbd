/** customers: REST operationId → its GraphQL twin (issue 14; tests/api/graphql-parity.e2e-spec.ts). */
export const PARITY: Record<string, string> = {
  // partner keys (ADMIN)
  issueApiKey: 'Mutation.issueApiKey',
  listApiKeys: 'Query.apiKeys',
  revokeApiKey: 'Mutation.revokeApiKey',
  // archives (O-2..O-4)
  importArchiveBatch: 'Mutation.importArchiveBatch',
  getArchiveBatch: 'Query.archiveBatch',
  allocateArchiveBatch: 'Mutation.allocateArchiveBatch',
  // audit trail (P-2)
  listAuditEntries: 'Query.auditEntries',
  // customers (O-3, P-1)
  registerCustomer: 'Mutation.registerCustomer',
  listCustomers: 'Query.customers',
  getCustomer: 'Query.customer',
  updateCustomer: 'Mutation.updateCustomer',
  transferCustomer: 'Mutation.transferCustomer',
  getCustomerHistory: 'Query.customerHistory',
  // sign-in and passwords
  signIn: 'Mutation.signIn',
  refreshSession: 'Mutation.refreshSession',
  signOut: 'Mutation.signOut',
  setEmployeePassword: 'Mutation.setEmployeePassword',
  changeOwnPassword: 'Mutation.changeOwnPassword',
  // organisation
  createDepartment: 'Mutation.createDepartment',
  listDepartments: 'Query.departments',
  getDepartment: 'Query.department',
  updateDepartment: 'Mutation.updateDepartment',
  createEmployee: 'Mutation.createEmployee',
  listEmployees: 'Query.employees',
  updateEmployee: 'Mutation.updateEmployee',
  deactivateEmployee: 'Mutation.deactivateEmployee',
  getEmployee: 'Query.employee',
  // personal data (P-3); the export is the gateway's own route, outside this service's document
  eraseCustomer: 'Mutation.eraseCustomer',
  // takeover reports (V-2)
  listTakeoverReports: 'Query.takeoverReports',
  approveTakeoverReport: 'Mutation.approveTakeover',
  declineTakeoverReport: 'Mutation.declineTakeover',
};
