/**
 * The demo company `npm run seed` creates: three sales departments (一部, 二部, 三部), a head and five
 * employees in each, the company-wide roles of docs/rules.md "People and organisation", and 300 customers
 * spread evenly over the departments' employees.
 *
 * Everything here is a pure function of a fixed pseudo-random seed. That is what makes the seed
 * repeatable: a second run produces the same names and phones, so the suite recognises them (employees by
 * name and role, customers by phone) and nothing is created twice.
 */
import type { Role } from '@crm/auth';

/** The role values as strings, checked against the suite's enum without loading the server's auth library. */
export type RoleName = `${Role}`;

export interface DepartmentSeed {
  code: string;
  name: string;
}

export interface StaffSeed {
  /** Unique across the demo company: with the role and department it is how a second run finds the employee. */
  name: string;
  role: RoleName;
  /** Only employees and heads work inside a department; the other roles are company-wide. */
  departmentCode?: string;
}

export interface CustomerSeed {
  name: string;
  phone: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  address: string;
  source: 'OUTREACH' | 'WALK_IN' | 'HOTLINE' | 'WEBSITE';
  /** A staff member's name; the runner turns it into the employee id. */
  ownerName: string;
}

export const SEED = 20260301;
export const CUSTOMER_COUNT = 300;

// The API has one name field, so the Chinese name the staff use goes there; the code is the ASCII handle.
export const DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: 'D1', name: '一部' },
  { code: 'D2', name: '二部' },
  { code: 'D3', name: '三部' },
];

const DEPARTMENT_STAFF: Record<string, { head: string; employees: string[] }> = {
  D1: { head: '王强', employees: ['王芳', '李娜', '张伟', '刘洋', '陈杰'] },
  D2: { head: '李军', employees: ['杨敏', '黄磊', '赵霞', '周涛', '徐丽'] },
  D3: { head: '张明', employees: ['孙鹏', '马兰', '朱琳', '胡斌', '郭静'] },
};

export const STAFF: readonly StaffSeed[] = [
  { name: '赵建国', role: 'GENERAL_MANAGER' }, // 总经理
  { name: '钱丽华', role: 'RESOURCE_DIRECTOR' }, // 顾客资源总监
  { name: '孙晓燕', role: 'COORDINATOR' }, // 协调助理
  { name: '周静', role: 'CRM_CLERK' }, // CRM管理中心
  { name: '吴敏', role: 'CRM_CLERK' },
  { name: '郑伟', role: 'ADMIN' }, // 系统管理员
  ...DEPARTMENTS.flatMap(({ code }) => [
    { name: DEPARTMENT_STAFF[code].head, role: 'DEPARTMENT_HEAD' as const, departmentCode: code },
    ...DEPARTMENT_STAFF[code].employees.map((name) => ({ name, role: 'EMPLOYEE' as const, departmentCode: code })),
  ]),
];

/** mulberry32: tiny, fast and the same on every platform, which is all demo data needs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈'];
// Given names of the generation that comes to health meetings (customers are mostly 50 to 85 years old).
const GIVEN = {
  MALE: '建国 国强 志明 建华 德明 振华 永福 文斌 卫东 保国 福生 家明 长林 玉成 宝山 海涛'.split(' '),
  FEMALE: '秀英 桂英 玉兰 秀兰 凤英 淑珍 丽华 美玲 翠花 素芬 红梅 桂芳 月娥 金凤 淑英 慧敏'.split(' '),
};
// Roads in the district they really run through, so an address reads right to someone from Shanghai.
const STREETS = [
  '浦东新区 东方路', '浦东新区 张杨路', '徐汇区 漕溪北路', '徐汇区 天钥桥路', '静安区 南京西路', '黄浦区 西藏南路',
  '长宁区 天山路', '普陀区 曹杨路', '虹口区 四川北路', '杨浦区 控江路', '闵行区 都市路', '宝山区 牡丹江路',
].map((s) => s.split(' '));
// Real mainland mobile prefixes (the API accepts 13x-19x), so the numbers look like the ones clerks enter.
const PREFIXES = '130 131 133 135 136 137 138 139 150 151 152 158 159 177 180 186 187 188 189 199'.split(' ');
// Most customers come from outreach events (科普); the rest walk in, call the hotline or find the website.
const SOURCES = 'OUTREACH OUTREACH OUTREACH OUTREACH OUTREACH OUTREACH WALK_IN WALK_IN HOTLINE WEBSITE'.split(' ') as CustomerSeed['source'][];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The demo customers, owned round-robin by the departments' employees so every one of them has some. */
export function demoCustomers(count = CUSTOMER_COUNT, seed = SEED): CustomerSeed[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const owners = STAFF.filter((s) => s.role === 'EMPLOYEE').map((s) => s.name);
  const phones = new Set<string>();
  const customers: CustomerSeed[] = [];
  for (let i = 0; i < count; i++) {
    let phone: string;
    do phone = pick(PREFIXES) + pad(Math.floor(next() * 1e8), 8);
    while (phones.has(phone)); // a phone is a customer's identity (O-3): never two demo customers with one
    phones.add(phone);
    const gender = next() < 0.6 ? 'FEMALE' : 'MALE';
    const [district, road] = pick(STREETS);
    customers.push({
      name: pick(SURNAMES) + pick(GIVEN[gender]),
      phone,
      gender,
      birthDate: `${1938 + Math.floor(next() * 35)}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}`,
      address: `上海市${district}${road}${1 + Math.floor(next() * 999)}弄${1 + Math.floor(next() * 30)}号${1 + Math.floor(next() * 6)}0${1 + Math.floor(next() * 4)}室`,
      source: pick(SOURCES),
      ownerName: owners[i % owners.length],
    });
  }
  return customers;
}
