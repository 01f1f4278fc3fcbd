/**
 * Deterministic Chinese names, addresses and mainland mobiles for the benchmark's customers and archive rows,
 * so every run reads and writes rows of the same size.
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['秀英', '桂兰', '建国', '淑珍', '玉兰', '国强', '秀兰', '志强', '凤英', '德明', '丽华', '春生'];
const DISTRICTS = ['朝阳区', '海淀区', '西城区', '东城区', '丰台区', '石景山区'];
const STREETS = ['建国路', '复兴路', '中关村大街', '西直门外大街', '安定路', '和平里北街'];

export interface Person {
  name: string;
  /** 11 national digits, e.g. 13800000001. */
  national: string;
  /** As a clerk types it: 138 0000 0001. */
  written: string;
  /** As the service stores it (O-2): +8613800000001. */
  e164: string;
  gender: 'MALE' | 'FEMALE';
  /** The gender as a Chinese archive sheet writes it. */
  genderWritten: '男' | '女';
  birthDate: string;
  address: string;
}

/** The i-th person of a numbering whose phones start with `prefix` (3 digits, e.g. "138"). */
export function person(prefix: string, i: number): Person {
  const national = `${prefix}${String(i).padStart(8, '0')}`;
  const gender = i % 2 === 0 ? 'FEMALE' : 'MALE';
  const year = 1940 + (i % 50);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
    national,
    written: `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
    e164: `+86${national}`,
    gender,
    genderWritten: gender === 'FEMALE' ? '女' : '男',
    birthDate: `${year}-${month}-${day}`,
    address: `北京市${DISTRICTS[i % DISTRICTS.length]}${STREETS[i % STREETS.length]}${1 + (i % 200)}号院${1 + (i % 20)}号楼`,
  };
}
