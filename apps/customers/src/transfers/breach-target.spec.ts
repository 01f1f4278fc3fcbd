import { pickEmployee, rankDepartments } from './breach-target';

describe('C-4 transfer target', () => {
  const dept = (code: string, employees: number, customers: number) => ({ departmentId: `id-${code}`, code, employees, customers });

  it('ranks departments by customers per serving employee, exactly, then by code', () => {
    const ranked = rankDepartments([dept('D', 6, 2), dept('B', 3, 1), dept('A', 1, 1), dept('C', 2, 0)]);
    // 0/2, then 1/3 and 2/6 tie (B before D by code), then 1/1.
    expect(ranked.map((d) => d.code)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('leaves out departments without serving employees', () => {
    expect(rankDepartments([dept('A', 0, 0), dept('B', 1, 10)]).map((d) => d.code)).toEqual(['B']);
    expect(rankDepartments([])).toEqual([]);
  });

  it('picks the employee with the fewest customers, ties by id, never the current owner', () => {
    const employees = [
      { employeeId: 'e3', customers: 1 },
      { employeeId: 'e2', customers: 1 },
      { employeeId: 'e1', customers: 0 },
    ];
    expect(pickEmployee(employees, 'x')?.employeeId).toBe('e1');
    expect(pickEmployee(employees, 'e1')?.employeeId).toBe('e2');
    expect(pickEmployee([{ employeeId: 'e1', customers: 0 }], 'e1')).toBeNull();
  });
});
