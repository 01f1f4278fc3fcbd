/** What complaints holds about one customer (P-3), the complaints section of the customer's export. */
export interface ComplaintsPersonalData {
  /** Every complaint about the customer, oldest first, as GET /api/v1/complaints/{id} answers it (fines, actions). */
  complaints: unknown[];
}

