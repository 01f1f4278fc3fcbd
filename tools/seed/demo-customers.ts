import { Api, SeedError } from './api';
import { demoCustomers } from './demo-company';

/** A demo customer as the suite has them now: the owner may have changed since the seed created them. */
export interface SuiteCustomer {
  id: string;
  ownerId: string;
  departmentId: string;
}

/** The demo customers at these indexes of demoCustomers(), found by phone (O-3: a phone is one customer). */
export async function findDemoCustomers(api: Api, indexes: readonly number[]): Promise<Map<number, SuiteCustomer>> {
  const customers = demoCustomers();
  const found = new Map<number, SuiteCustomer>();
  for (const i of new Set(indexes)) {
    const res = await api.request<{ items: SuiteCustomer[] }>('GET', `/api/v1/customers?phone=${customers[i].phone}`);
    if (res.body.items.length !== 1) throw new SeedError(`demo customer ${customers[i].phone} is not in the suite: run the whole seed`);
    found.set(i, res.body.items[0]);
  }
  return found;
}
