/**
 * O-4: even, deterministic allocation of a batch's new customers among the employees who took part in the
 * outreach event (公平、公开: fair and open to inspection).
 *
 * The algorithm, chosen so that anyone can redo it by hand from the recorded inputs:
 * 1. Employees are de-duplicated and sorted by id (plain UTF-16 code-unit order, not `localeCompare`,
 *    whose result depends on the ICU build and locale).
 * 2. Customers keep batch row order (the order `classifyBatch` accepted them in).
 * 3. Round robin: customer i goes to employee (start + i) mod m.
 * So with n customers and m employees every employee gets floor(n/m) or ceil(n/m): never more than one
 * more than another. The n mod m "extra" customers go to the m employees after `start`, cyclically.
 *
 * `start` is 0 without a seed. Given a seed (the batch id), start = FNV-1a(seed) mod m, so the extras do
 * not always fall to the employees whose ids sort first, yet the same batch always allocates the same way.
 *
 * Pure: no I/O, no clock, no randomness.
 */

export interface Allocation {
  employeeId: string;
  /** In batch row order. */
  customerIds: string[];
}

export type AllocationErrorCode = 'NO_EMPLOYEES' | 'DUPLICATE_CUSTOMER';

/** Refusals the service maps to a 4xx problem: nothing can be allocated fairly from such input. */
export class AllocationError extends Error {
  constructor(
    readonly code: AllocationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AllocationError';
  }
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 32-bit FNV-1a over the seed's UTF-16 code units. Not for security: only a stable, well-spread way to
 * turn a batch id into a starting employee that anyone can recompute.
 */
export function fnv1a32(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Index (into the sorted employees) of the employee who receives the first customer. */
export function rotationStart(employeeCount: number, seed?: string): number {
  if (employeeCount <= 0 || seed === undefined) return 0;
  return fnv1a32(seed) % employeeCount;
}

/**
 * O-4: divides `customerIds` (batch row order) among `employeeIds` (any order; duplicates are ignored,
 * since listing a participant twice must not give them a double share).
 *
 * Returns one entry per participating employee, sorted by employee id, including employees who get no
 * customer (fewer customers than employees), so the record shows everyone who took part.
 *
 * Throws `AllocationError` when there are customers but no employees, or a customer id appears twice
 * (it would otherwise be given to two employees).
 */
export function allocateEvenly(
  customerIds: readonly string[],
  employeeIds: readonly string[],
  seed?: string,
): Allocation[] {
  const employees = [...new Set(employeeIds)].sort(compareIds);
  if (new Set(customerIds).size !== customerIds.length) {
    throw new AllocationError(
      'DUPLICATE_CUSTOMER',
      'a customer may be allocated only once; the batch lists one twice',
    );
  }
  if (employees.length === 0) {
    if (customerIds.length === 0) return [];
    throw new AllocationError(
      'NO_EMPLOYEES',
      'the outreach event has no participating employees to allocate to',
    );
  }
  const allocations: Allocation[] = employees.map((employeeId) => ({ employeeId, customerIds: [] }));
  const start = rotationStart(employees.length, seed);
  customerIds.forEach((customerId, i) => {
    allocations[(start + i) % employees.length].customerIds.push(customerId);
  });
  return allocations;
}
