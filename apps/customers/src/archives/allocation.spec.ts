import fc from 'fast-check';
import { Allocation, AllocationError, allocateEvenly, fnv1a32, rotationStart } from './allocation';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

function counts(allocations: Allocation[]): number[] {
  return allocations.map((a) => a.customerIds.length);
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The O-4 invariants every allocation must satisfy, as a list of violations (empty when fair). Checked
 * in plain code and asserted once, because thousands of `expect` calls per size would make the loops slow.
 */
function unfairness(
  allocations: Allocation[],
  customers: readonly string[],
  employees: readonly string[],
): string[] {
  const problems: string[] = [];
  const expectedEmployees = [...new Set(employees)].sort(byCodeUnit);
  if (allocations.map((a) => a.employeeId).join('\n') !== expectedEmployees.join('\n')) {
    problems.push('not one entry per participating employee, sorted by id');
  }
  const position = new Map(customers.map((id, i) => [id, i]));
  const seen = new Set<string>();
  for (const a of allocations) {
    let last = -1;
    for (const id of a.customerIds) {
      const p = position.get(id);
      if (p === undefined) problems.push(`unknown customer ${id}`);
      else if (p <= last) problems.push(`${a.employeeId}'s customers are not in row order`);
      else last = p;
      if (seen.has(id)) problems.push(`customer ${id} allocated twice`);
      seen.add(id);
    }
  }
  if (seen.size !== customers.length)
    problems.push(`${customers.length - seen.size} customers not allocated`);
  const c = counts(allocations);
  if (c.length > 0 && Math.max(...c) - Math.min(...c) > 1) problems.push(`uneven shares ${c.join(',')}`);
  return problems;
}

function expectFair(allocations: Allocation[], customers: readonly string[], employees: readonly string[]) {
  expect(unfairness(allocations, customers, employees)).toEqual([]);
}

it('O-4 the fairness check used below itself catches unfair allocations', () => {
  const customers = ['c1', 'c2', 'c3'];
  expect(
    unfairness(
      [
        { employeeId: 'a', customerIds: ['c1', 'c2', 'c3'] },
        { employeeId: 'b', customerIds: [] },
      ],
      customers,
      ['a', 'b'],
    ),
  ).toEqual(['uneven shares 3,0']);
  expect(
    unfairness(
      [
        { employeeId: 'a', customerIds: ['c2', 'c1'] },
        { employeeId: 'b', customerIds: ['c2'] },
      ],
      customers,
      ['a', 'b'],
    ),
  ).toEqual([
    "a's customers are not in row order",
    'customer c2 allocated twice',
    '1 customers not allocated',
  ]);
  expect(unfairness([{ employeeId: 'b', customerIds: customers }], customers, ['a', 'b'])).toContain(
    'not one entry per participating employee, sorted by id',
  );
});

describe('O-4 allocateEvenly: pinned examples (a change here changes recorded allocations)', () => {
  it('O-4 round robin from the first employee by id, without a seed', () => {
    expect(allocateEvenly(['c1', 'c2', 'c3', 'c4', 'c5'], ['e2', 'e1'])).toEqual([
      { employeeId: 'e1', customerIds: ['c1', 'c3', 'c5'] },
      { employeeId: 'e2', customerIds: ['c2', 'c4'] },
    ]);
  });

  it('O-4 a seed rotates the start: the extras go to other employees', () => {
    const seed = 'batch-1';
    const start = rotationStart(3, seed);
    const result = allocateEvenly(['c1', 'c2', 'c3', 'c4'], ['e1', 'e2', 'e3'], seed);
    // The first customer goes to the employee at `start`; that employee gets the one extra.
    expect(result[start].customerIds).toEqual(['c1', 'c4']);
    expect(counts(result).filter((n) => n === 2)).toHaveLength(1);
  });

  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is the published value %i', (seed, hash) => expect(fnv1a32(seed)).toBe(hash));

  it.each<[number, number, number[]]>([
    [0, 3, [0, 0, 0]],
    [1, 3, [1, 0, 0]],
    [2, 3, [1, 1, 0]],
    [3, 3, [1, 1, 1]],
    [7, 3, [3, 2, 2]],
    [10, 4, [3, 3, 2, 2]],
    [5, 5, [1, 1, 1, 1, 1]],
    [200, 15, [14, 14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13]],
  ])('O-4 %i customers among %i employees (no seed) → %j', (n, m, expected) => {
    expect(counts(allocateEvenly(ids('c', n), ids('e', m)))).toEqual(expected);
  });
});

describe('O-4 allocateEvenly: every size 0..200 customers × 1..15 employees', () => {
  it.each(Array.from({ length: 15 }, (_, i) => i + 1))(
    'O-4 %i employees: fair for 0..200 customers, with and without seeds',
    (m) => {
      const employees = ids('emp', m).reverse(); // given out of order on purpose
      const failures: string[] = [];
      for (let n = 0; n <= 200; n++) {
        const customers = ids('cust', n);
        for (const seed of [undefined, `batch-${n}`, 'b']) {
          const result = allocateEvenly(customers, employees, seed);
          const label = `n=${n} seed=${seed}`;
          failures.push(...unfairness(result, customers, employees).map((p) => `${label}: ${p}`));
          // Exact shares: floor(n/m) each, plus one for n mod m of them.
          const c = counts(result);
          const withExtra = c.filter((x) => x === Math.ceil(n / m)).length;
          if (withExtra !== (n % m === 0 ? m : n % m))
            failures.push(`${label}: ${withExtra} employees got ceil(n/m)`);
          // Deterministic: the same input gives the same answer.
          if (JSON.stringify(allocateEvenly(customers, employees, seed)) !== JSON.stringify(result))
            failures.push(`${label}: not deterministic`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

describe('O-4 allocateEvenly: properties', () => {
  const employeeIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 15,
  });
  const customerIds = fc.uniqueArray(fc.uuid(), { maxLength: 200 });
  const seed = fc.option(fc.string(), { nil: undefined });

  it('O-4 max - min ≤ 1 and every customer exactly once', () => {
    fc.assert(
      fc.property(customerIds, employeeIds, seed, (customers, employees, s) => {
        expectFair(allocateEvenly(customers, employees, s), customers, employees);
      }),
    );
  });

  it('O-4 deterministic: the order employees are listed in does not matter', () => {
    fc.assert(
      fc.property(customerIds, employeeIds, seed, fc.integer(), (customers, employees, s, shift) => {
        const k = ((shift % employees.length) + employees.length) % employees.length;
        const rotated = [...employees.slice(k), ...employees.slice(0, k)];
        expect(allocateEvenly(customers, rotated, s)).toEqual(allocateEvenly(customers, employees, s));
        expect(allocateEvenly(customers, [...employees].reverse(), s)).toEqual(
          allocateEvenly(customers, employees, s),
        );
      }),
    );
  });

  it('O-4 listing an employee twice gives no double share', () => {
    fc.assert(
      fc.property(customerIds, employeeIds, seed, (customers, employees, s) => {
        expect(allocateEvenly(customers, [...employees, ...employees], s)).toEqual(
          allocateEvenly(customers, employees, s),
        );
      }),
    );
  });

  it('O-4 the extras go to consecutive employees from the rotation start', () => {
    fc.assert(
      fc.property(customerIds, employeeIds, seed, (customers, employees, s) => {
        const result = allocateEvenly(customers, employees, s);
        const m = result.length;
        const start = rotationStart(m, s);
        const extra = customers.length % m;
        result.forEach((a, i) => {
          const offset = (i - start + m) % m;
          expect(a.customerIds.length).toBe(Math.floor(customers.length / m) + (offset < extra ? 1 : 0));
        });
      }),
    );
  });

  it('O-4 across batches the start moves, so the extras do not always go to the same employee', () => {
    for (const m of [2, 3, 5, 7]) {
      const starts = new Set(Array.from({ length: 100 }, (_, i) => rotationStart(m, `batch-${i}`)));
      expect(starts.size).toBe(m);
    }
  });
});

describe('O-4 allocateEvenly: edge cases', () => {
  it('O-4 no customers: every participant listed with nothing', () => {
    expect(allocateEvenly([], ['b', 'a'])).toEqual([
      { employeeId: 'a', customerIds: [] },
      { employeeId: 'b', customerIds: [] },
    ]);
  });

  it('O-4 nothing to allocate and nobody to allocate to is an empty allocation', () => {
    expect(allocateEvenly([], [])).toEqual([]);
  });

  it('O-4 customers but no employees is refused with NO_EMPLOYEES', () => {
    expect(() => allocateEvenly(['c1'], [])).toThrow(expect.objectContaining({ code: 'NO_EMPLOYEES' }));
    expect(() => allocateEvenly(['c1'], [])).toThrow(AllocationError);
  });

  it('O-4 a customer listed twice is refused with DUPLICATE_CUSTOMER', () => {
    expect(() => allocateEvenly(['c1', 'c2', 'c1'], ['e1', 'e2'])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_CUSTOMER' }),
    );
  });

  it('O-4 employee ids sort by code unit, not by locale', () => {
    expect(allocateEvenly(['c1', 'c2', 'c3'], ['b', 'B', 'a']).map((a) => a.employeeId)).toEqual([
      'B',
      'a',
      'b',
    ]);
  });

  it('O-4 rotationStart is 0 without a seed and always within range', () => {
    expect(rotationStart(5)).toBe(0);
    expect(rotationStart(0, 'x')).toBe(0);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 50 }), (s, m) => {
        const start = rotationStart(m, s);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(start).toBeLessThan(m);
      }),
    );
  });
});
