/**
 * A deactivated employee's customers shared among their department's active colleagues, evenly. Pure: the loads
 * come in.
 *
 * The colleagues are ordered by how many customers they own, fewest first (ties by id, in code-unit order, the same
 * on every machine), and the customers, in id order, go to them round-robin. So every colleague takes floor(n/m)
 * or ceil(n/m) of the n customers (never more than one more than another), and the extra ones go to those who own
 * the fewest. The same input always shares the same way.
 */
export interface ColleagueLoad {
  employeeId: string;
  /** How many customers the colleague owns before the share-out. */
  customers: number;
}

export interface Share {
  employeeId: string;
  customerIds: string[];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Who takes which customers, in the order they were served; colleagues who take none are left out. */
export function shareOut(customerIds: readonly string[], colleagues: readonly ColleagueLoad[]): Share[] {
  if (!customerIds.length) return [];
  if (!colleagues.length) throw new Error('customers to share but no colleague to take them');
  const order = [...new Map(colleagues.map((c) => [c.employeeId, c])).values()].sort((a, b) => a.customers - b.customers || byCodeUnits(a.employeeId, b.employeeId));
  const shares: Share[] = order.map((c) => ({ employeeId: c.employeeId, customerIds: [] }));
  [...new Set(customerIds)].sort(byCodeUnits).forEach((id, i) => shares[i % shares.length].customerIds.push(id));
  return shares.filter((s) => s.customerIds.length > 0);
}
