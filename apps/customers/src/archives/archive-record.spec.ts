import fc from 'fast-check';
import { ArchiveBatchRow, classifyBatch, numberRecords } from './archive-batch-rows';
import { parseArchiveCsv } from './archive-csv';
import { ArchiveProblemCode, ArchiveRecord, isCalendarDate, validateArchiveRecord } from './archive-record';

const TODAY = '2026-03-01';

const base = { name: '张三', phone: '13812345678' };
const normalisedBase: ArchiveRecord = {
  name: '张三',
  phone: '+8613812345678',
  gender: null,
  birthDate: null,
  address: null,
  notes: null,
};

describe('O-2 validateArchiveRecord: valid records are normalised', () => {
  it.each<[string, Record<string, unknown>, Partial<ArchiveRecord>]>([
    ['minimal record', base, {}],
    ['name trimmed', { ...base, name: '  张三  ' }, {}],
    ['name trimmed of ideographic spaces', { ...base, name: '\u3000张三\u3000' }, {}],
    ['name with inner space kept', { ...base, name: 'Li  Lei' }, { name: 'Li  Lei' }],
    ['phone with spaces', { ...base, phone: '138 1234 5678' }, {}],
    ['phone +86', { ...base, phone: '+86 138-1234-5678' }, {}],
    ['phone full-width', { ...base, phone: '１３８１２３４５６７８' }, {}],
    ['phone as a JSON number', { ...base, phone: 13812345678 }, {}],
    ['gender MALE', { ...base, gender: 'MALE' }, { gender: 'MALE' }],
    ['gender female lower case', { ...base, gender: 'female' }, { gender: 'FEMALE' }],
    ['gender M', { ...base, gender: 'M' }, { gender: 'MALE' }],
    ['gender f', { ...base, gender: ' f ' }, { gender: 'FEMALE' }],
    ['gender full-width Ｍ', { ...base, gender: 'Ｍ' }, { gender: 'MALE' }],
    ['gender 男', { ...base, gender: '男' }, { gender: 'MALE' }],
    ['gender 女', { ...base, gender: '女' }, { gender: 'FEMALE' }],
    ['gender 女性', { ...base, gender: '女性' }, { gender: 'FEMALE' }],
    ['gender blank is absent', { ...base, gender: '  ' }, { gender: null }],
    ['gender null is absent', { ...base, gender: null }, { gender: null }],
    ['birthDate', { ...base, birthDate: '1950-06-15' }, { birthDate: '1950-06-15' }],
    ['birthDate trimmed', { ...base, birthDate: ' 1950-06-15 ' }, { birthDate: '1950-06-15' }],
    [
      'birthDate full-width digits',
      { ...base, birthDate: '１９５０-０６-１５' },
      { birthDate: '1950-06-15' },
    ],
    ['birthDate on the earliest day', { ...base, birthDate: '1900-01-01' }, { birthDate: '1900-01-01' }],
    ['birthDate today', { ...base, birthDate: TODAY }, { birthDate: TODAY }],
    ['birthDate leap day', { ...base, birthDate: '2000-02-29' }, { birthDate: '2000-02-29' }],
    ['birthDate empty is absent', { ...base, birthDate: '' }, { birthDate: null }],
    ['address trimmed', { ...base, address: ' 上海市浦东新区 ' }, { address: '上海市浦东新区' }],
    ['address of 200 characters', { ...base, address: '路'.repeat(200) }, { address: '路'.repeat(200) }],
    ['notes of 500 characters', { ...base, notes: 'x'.repeat(500) }, { notes: 'x'.repeat(500) }],
    ['notes with line breaks', { ...base, notes: '高血压\n需复查' }, { notes: '高血压\n需复查' }],
    ['name of 64 characters', { ...base, name: '李'.repeat(64) }, { name: '李'.repeat(64) }],
    [
      'name of 64 astral characters counts code points',
      { ...base, name: '𠮷'.repeat(64) },
      { name: '𠮷'.repeat(64) },
    ],
    ['name of one character', { ...base, name: '王' }, { name: '王' }],
    ['unknown keys ignored', { ...base, source: 'OUTREACH' }, {}],
  ])('O-2 %s', (_label, input, expected) => {
    expect(validateArchiveRecord(input, TODAY)).toEqual({
      ok: true,
      record: { ...normalisedBase, ...expected },
    });
  });
});

describe('O-2 validateArchiveRecord: invalid fields are reported with a reason', () => {
  it.each<[string, string, ArchiveProblemCode, Record<string, unknown>]>([
    ['name missing', 'name', 'REQUIRED', { phone: base.phone }],
    ['name empty', 'name', 'REQUIRED', { ...base, name: '' }],
    ['name blank', 'name', 'REQUIRED', { ...base, name: '   ' }],
    ['name null', 'name', 'REQUIRED', { ...base, name: null }],
    ['name a number', 'name', 'WRONG_TYPE', { ...base, name: 42 }],
    ['name of 65 characters', 'name', 'TOO_LONG', { ...base, name: '李'.repeat(65) }],
    ['name of 65 astral characters', 'name', 'TOO_LONG', { ...base, name: '𠮷'.repeat(65) }],
    ['name with a line break', 'name', 'INVALID_CHARACTERS', { ...base, name: '张\n三' }],
    ['name with a tab', 'name', 'INVALID_CHARACTERS', { ...base, name: '张\t三' }],
    ['phone missing', 'phone', 'REQUIRED', { name: '张三' }],
    ['phone blank', 'phone', 'REQUIRED', { ...base, phone: ' ' }],
    ['phone only separators', 'phone', 'REQUIRED', { ...base, phone: '--' }],
    ['phone an object', 'phone', 'WRONG_TYPE', { ...base, phone: { n: 1 } }],
    ['phone a fractional number', 'phone', 'WRONG_TYPE', { ...base, phone: 1381234567.8 }],
    ['phone with letters', 'phone', 'INVALID_CHARACTERS', { ...base, phone: '138abcd5678' }],
    ['phone Hong Kong', 'phone', 'FOREIGN_NUMBER', { ...base, phone: '+852 9123 4567' }],
    ['phone too short', 'phone', 'WRONG_LENGTH', { ...base, phone: '1381234567' }],
    ['phone landline', 'phone', 'NOT_MOBILE', { ...base, phone: '021 6123 4567' }],
    ['phone 12x prefix', 'phone', 'NOT_MOBILE', { ...base, phone: '12812345678' }],
    ['gender unknown word', 'gender', 'INVALID_VALUE', { ...base, gender: 'X' }],
    ['gender unknown Chinese', 'gender', 'INVALID_VALUE', { ...base, gender: '未知' }],
    ['gender a boolean', 'gender', 'WRONG_TYPE', { ...base, gender: true }],
    ['birthDate with slashes', 'birthDate', 'INVALID_FORMAT', { ...base, birthDate: '1950/06/15' }],
    ['birthDate without padding', 'birthDate', 'INVALID_FORMAT', { ...base, birthDate: '1950-6-15' }],
    ['birthDate with a time', 'birthDate', 'INVALID_FORMAT', { ...base, birthDate: '1950-06-15T00:00:00Z' }],
    ['birthDate Chinese style', 'birthDate', 'INVALID_FORMAT', { ...base, birthDate: '1950年6月15日' }],
    ['birthDate a number', 'birthDate', 'WRONG_TYPE', { ...base, birthDate: 19500615 }],
    ['birthDate 31 April', 'birthDate', 'INVALID_DATE', { ...base, birthDate: '1950-04-31' }],
    ['birthDate 29 Feb of a common year', 'birthDate', 'INVALID_DATE', { ...base, birthDate: '1951-02-29' }],
    [
      'birthDate 29 Feb 1900 (not a leap year)',
      'birthDate',
      'INVALID_DATE',
      { ...base, birthDate: '1900-02-29' },
    ],
    ['birthDate month 13', 'birthDate', 'INVALID_DATE', { ...base, birthDate: '1950-13-01' }],
    ['birthDate day 0', 'birthDate', 'INVALID_DATE', { ...base, birthDate: '1950-01-00' }],
    ['birthDate tomorrow', 'birthDate', 'IN_FUTURE', { ...base, birthDate: '2026-03-02' }],
    ['birthDate next year', 'birthDate', 'IN_FUTURE', { ...base, birthDate: '2027-01-01' }],
    ['birthDate the day before 1900', 'birthDate', 'TOO_EARLY', { ...base, birthDate: '1899-12-31' }],
    ['birthDate 1066', 'birthDate', 'TOO_EARLY', { ...base, birthDate: '1066-10-14' }],
    ['address of 201 characters', 'address', 'TOO_LONG', { ...base, address: '路'.repeat(201) }],
    ['address a number', 'address', 'WRONG_TYPE', { ...base, address: 12 }],
    ['notes of 501 characters', 'notes', 'TOO_LONG', { ...base, notes: 'x'.repeat(501) }],
    ['notes an array', 'notes', 'WRONG_TYPE', { ...base, notes: ['a'] }],
  ])('O-2 %s → %s %s', (_label, field, code, input) => {
    const result = validateArchiveRecord(input, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field, code });
    expect(result.problems[0].reason.length).toBeGreaterThan(0);
  });

  it('O-2 reports every problem of a record, in field order', () => {
    const result = validateArchiveRecord(
      {
        name: '',
        phone: 'x',
        gender: '?',
        birthDate: '2030-01-01',
        address: 'a'.repeat(201),
        notes: 'n'.repeat(501),
      },
      TODAY,
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { field: 'name', code: 'REQUIRED' },
        { field: 'phone', code: 'INVALID_CHARACTERS' },
        { field: 'gender', code: 'INVALID_VALUE' },
        { field: 'birthDate', code: 'IN_FUTURE' },
        { field: 'address', code: 'TOO_LONG' },
        { field: 'notes', code: 'TOO_LONG' },
      ],
    });
  });

  it.each([[null], [undefined], ['张三,138'], [42], [[base]]])(
    'O-2 a record that is not an object (%j) is one record problem',
    (input) => {
      expect(validateArchiveRecord(input, TODAY)).toEqual({
        ok: false,
        problems: [{ field: 'record', code: 'NOT_AN_OBJECT', reason: expect.any(String) }],
      });
    },
  );

  it.each([['2026-3-1'], ['2026-02-30'], [''], ['today']])(
    'a bad today (%j) is a programming error',
    (today) => {
      expect(() => validateArchiveRecord(base, today)).toThrow(RangeError);
    },
  );

  it('O-2 the future boundary follows the given today, not the real clock', () => {
    expect(validateArchiveRecord({ ...base, birthDate: '2030-05-05' }, '2030-05-05').ok).toBe(true);
    expect(validateArchiveRecord({ ...base, birthDate: '2030-05-05' }, '2030-05-04').ok).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-28', true],
    ['2023-12-31', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2023-06-31', false],
    ['2023-00-10', false],
    ['2023-1-10', false],
    [' 2023-01-10', false],
  ])('%s → %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));
});

describe('O-2 parseArchiveCsv', () => {
  it('O-2 reads English headers and numbers the first data row 1', () => {
    const csv =
      'name,phone,gender,birthDate,address,notes\n张三,13812345678,男,1950-06-15,上海,老顾客介绍\n李四,139 0000 1111,,,,\n';
    expect(parseArchiveCsv(csv)).toEqual({
      ok: true,
      ignoredColumns: [],
      rows: [
        {
          row: 1,
          record: {
            name: '张三',
            phone: '13812345678',
            gender: '男',
            birthDate: '1950-06-15',
            address: '上海',
            notes: '老顾客介绍',
          },
          problems: [],
        },
        {
          row: 2,
          record: { name: '李四', phone: '139 0000 1111', gender: '', birthDate: '', address: '', notes: '' },
          problems: [],
        },
      ],
    });
  });

  it.each([
    ['姓名,电话,性别,出生日期,地址,备注'],
    ['姓名,手机,性别,出生日期,地址,备注'],
    ['姓名,手机号码,性别,生日,住址,备注'],
    ['Name,Phone,Gender,Birth Date,Address,Notes'],
    ['NAME,PHONE,GENDER,BIRTH_DATE,ADDRESS,NOTES'],
    [' name , phone , gender , birthdate , address , notes '],
  ])('O-2 accepts the header %j', (header) => {
    const result = parseArchiveCsv(`${header}\n王五,13512345678,女,1960-01-02,北京,无\n`);
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          row: 1,
          record: {
            name: '王五',
            phone: '13512345678',
            gender: '女',
            birthDate: '1960-01-02',
            address: '北京',
            notes: '无',
          },
        },
      ],
    });
  });

  it('O-2 columns may come in any order and optional ones may be missing', () => {
    expect(parseArchiveCsv('电话,姓名\n13512345678,王五\n')).toEqual({
      ok: true,
      ignoredColumns: [],
      rows: [{ row: 1, record: { phone: '13512345678', name: '王五' }, problems: [] }],
    });
  });

  it('O-2 ignores unknown columns and lists them', () => {
    expect(parseArchiveCsv('序号,姓名,电话,\n1,王五,13512345678,\n')).toEqual({
      ok: true,
      ignoredColumns: ['序号'],
      rows: [{ row: 1, record: { name: '王五', phone: '13512345678' }, problems: [] }],
    });
  });

  it('O-2 strips a BOM and reads CRLF', () => {
    const result = parseArchiveCsv('\uFEFFname,phone\r\n张三,13812345678\r\n李四,13900001111\r\n');
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { row: 1, record: { name: '张三', phone: '13812345678' } },
        { row: 2, record: { name: '李四', phone: '13900001111' } },
      ],
    });
  });

  it('O-2 reads old Mac CR line ends and a last line without a line end', () => {
    expect(parseArchiveCsv('name,phone\r张三,13812345678\r李四,13900001111')).toMatchObject({
      ok: true,
      rows: [{ row: 1 }, { row: 2, record: { name: '李四', phone: '13900001111' } }],
    });
  });

  it('O-2 handles quoted cells with commas, doubled quotes and line breaks (CRLF inside becomes LF)', () => {
    const csv =
      'name,phone,address,notes\r\n"Wang, Wu",13512345678,"上海市""静安""区","第一行\r\n第二行"\r\n赵六,13612345678,,\r\n';
    expect(parseArchiveCsv(csv)).toEqual({
      ok: true,
      ignoredColumns: [],
      rows: [
        {
          row: 1,
          record: {
            name: 'Wang, Wu',
            phone: '13512345678',
            address: '上海市"静安"区',
            notes: '第一行\n第二行',
          },
          problems: [],
        },
        { row: 2, record: { name: '赵六', phone: '13612345678', address: '', notes: '' }, problems: [] },
      ],
    });
  });

  it('O-2 tolerates spaces around quoted cells', () => {
    expect(parseArchiveCsv('name,phone\n "张三" , "13812345678" \n')).toMatchObject({
      ok: true,
      rows: [{ row: 1, record: { name: '张三', phone: '13812345678' } }],
    });
  });

  it('O-2 skips blank rows but keeps counting them, so row + 1 is the spreadsheet row', () => {
    const csv = [
      'name,phone',
      '张三,13812345678',
      '',
      '李四,13900001111',
      ',',
      '  ,  ',
      '王五,13512345678',
      '',
      '',
    ].join('\n');
    const result = parseArchiveCsv(csv);
    expect(result.ok && result.rows.map((r) => [r.row, r.record.name])).toEqual([
      [1, '张三'],
      [3, '李四'],
      [6, '王五'],
    ]);
  });

  it('O-2 a row with data only under ignored columns is blank (pre-numbered 序号 rows)', () => {
    const result = parseArchiveCsv('序号,姓名,电话\n1,张三,13812345678\n2,,\n3,李四,13900001111\n4,,\n');
    expect(result.ok && result.rows.map((r) => [r.row, r.record.name])).toEqual([
      [1, '张三'],
      [3, '李四'],
    ]);
  });

  it('O-2 a row whose only data is beyond the header is not blank: it is shifted', () => {
    expect(parseArchiveCsv('name,phone\n,,张三\n')).toMatchObject({
      ok: true,
      rows: [{ row: 1, problems: [{ field: 'record', code: 'TOO_MANY_CELLS' }] }],
    });
  });

  it('O-2 blank lines before the header are skipped; numbering starts after the header', () => {
    const result = parseArchiveCsv('\n\nname,phone\n张三,13812345678\n');
    expect(result).toMatchObject({ ok: true, rows: [{ row: 1, record: { name: '张三' } }] });
  });

  it('O-2 a row with fewer cells than the header has blank trailing fields', () => {
    expect(parseArchiveCsv('name,phone,gender,notes\n张三,13812345678\n')).toMatchObject({
      ok: true,
      rows: [{ row: 1, record: { name: '张三', phone: '13812345678', gender: '', notes: '' }, problems: [] }],
    });
  });

  it('O-2 a row with extra empty cells is fine; extra non-empty cells are a record problem', () => {
    const result = parseArchiveCsv('name,phone\n张三,13812345678,,\n李四,139,00001111\n');
    expect(result).toMatchObject({
      ok: true,
      rows: [
        { row: 1, problems: [] },
        {
          row: 2,
          record: { name: '李四', phone: '139' },
          problems: [{ field: 'record', code: 'TOO_MANY_CELLS' }],
        },
      ],
    });
  });

  it('O-2 a header-only file has no rows', () => {
    expect(parseArchiveCsv('name,phone\r\n')).toEqual({ ok: true, rows: [], ignoredColumns: [] });
  });

  it.each<[string, string, string]>([
    ['empty file', '', 'EMPTY_FILE'],
    ['only a BOM and blank lines', '\uFEFF\n\n  \n', 'EMPTY_FILE'],
    ['no phone column', 'name,gender\n张三,男\n', 'MISSING_COLUMNS'],
    ['no name column', '手机,性别\n13812345678,男\n', 'MISSING_COLUMNS'],
    ['headerless data', '张三,13812345678\n', 'MISSING_COLUMNS'],
    ['two phone columns', '姓名,电话,手机\n张三,13812345678,13900001111\n', 'DUPLICATE_COLUMNS'],
    ['same column twice', 'name,phone,name\n', 'DUPLICATE_COLUMNS'],
    ['an unclosed quote', 'name,phone\n"张三,13812345678\n李四,13900001111\n', 'MALFORMED_CSV'],
    ['text after a closing quote', 'name,phone\n"张"三,13812345678\n', 'MALFORMED_CSV'],
  ])('O-2 refuses the whole file: %s', (_label, csv, code) => {
    const result = parseArchiveCsv(csv);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe('O-3 classifyBatch', () => {
  const existing = new Map([
    ['+8613800000001', 'cust-1'],
    ['+8613800000002', 'cust-2'],
  ]);
  const rec = (phone: unknown, extra: Record<string, unknown> = {}) => ({ name: '顾客', phone, ...extra });

  it('O-3 accepts new customers in row order with normalised records', () => {
    const result = classifyBatch(
      numberRecords([rec('139 0000 0001'), rec('+86 139-0000-0002', { gender: 'F' })]),
      existing,
      TODAY,
    );
    expect(result).toEqual({
      accepted: [
        {
          row: 1,
          record: {
            name: '顾客',
            phone: '+8613900000001',
            gender: null,
            birthDate: null,
            address: null,
            notes: null,
          },
        },
        {
          row: 2,
          record: {
            name: '顾客',
            phone: '+8613900000002',
            gender: 'FEMALE',
            birthDate: null,
            address: null,
            notes: null,
          },
        },
      ],
      duplicates: [],
      invalid: [],
    });
  });

  it('O-3 a phone of an existing customer is a duplicate with that customer id, in any format', () => {
    const result = classifyBatch(
      numberRecords([rec('138 0000 0001'), rec('0086-138-0000-0002'), rec('13900000003')]),
      existing,
      TODAY,
    );
    expect(result.duplicates).toEqual([
      {
        row: 1,
        phone: '+8613800000001',
        duplicateOf: 'EXISTING_CUSTOMER',
        customerId: 'cust-1',
        duplicateOfRow: null,
      },
      {
        row: 2,
        phone: '+8613800000002',
        duplicateOf: 'EXISTING_CUSTOMER',
        customerId: 'cust-2',
        duplicateOfRow: null,
      },
    ]);
    expect(result.accepted.map((a) => a.row)).toEqual([3]);
  });

  it('O-3 a phone repeated in the batch is a duplicate of the first accepted row', () => {
    const result = classifyBatch(
      numberRecords([rec('13900000001'), rec('139-0000-0001'), rec('13900000009'), rec('+8613900000001')]),
      existing,
      TODAY,
    );
    expect(result.accepted.map((a) => a.row)).toEqual([1, 3]);
    expect(result.duplicates).toEqual([
      { row: 2, phone: '+8613900000001', duplicateOf: 'EARLIER_ROW', customerId: null, duplicateOfRow: 1 },
      { row: 4, phone: '+8613900000001', duplicateOf: 'EARLIER_ROW', customerId: null, duplicateOfRow: 1 },
    ]);
  });

  it('O-3 an existing customer repeated in the batch is reported against the customer each time, not against a row', () => {
    const result = classifyBatch(numberRecords([rec('13800000001'), rec('13800000001')]), existing, TODAY);
    expect(result.duplicates.map((d) => [d.row, d.duplicateOf, d.customerId])).toEqual([
      [1, 'EXISTING_CUSTOMER', 'cust-1'],
      [2, 'EXISTING_CUSTOMER', 'cust-1'],
    ]);
  });

  it('O-3 an invalid row does not claim its phone: a later valid row with that phone is accepted', () => {
    const result = classifyBatch(
      numberRecords([rec('13900000001', { birthDate: '2030-01-01' }), rec('13900000001')]),
      existing,
      TODAY,
    );
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
    expect(result.invalid).toEqual([
      { row: 1, field: 'birthDate', code: 'IN_FUTURE', reason: expect.any(String) },
    ]);
    expect(result.duplicates).toEqual([]);
  });

  it('O-3 the phone decides: a row with a known phone is a duplicate even if another field is bad', () => {
    const result = classifyBatch(
      numberRecords([
        rec('13800000001', { name: '' }),
        rec('13900000001'),
        rec('13900000001', { gender: '?' }),
      ]),
      existing,
      TODAY,
    );
    expect(result.duplicates.map((d) => [d.row, d.duplicateOf])).toEqual([
      [1, 'EXISTING_CUSTOMER'],
      [3, 'EARLIER_ROW'],
    ]);
    expect(result.invalid).toEqual([]);
  });

  it('O-3 invalid rows list one entry per problem with row, field and reason', () => {
    const result = classifyBatch(
      numberRecords([rec('12345'), { phone: '13900000001', gender: 'X' }, rec('13900000002')]),
      existing,
      TODAY,
    );
    expect(result.invalid).toEqual([
      { row: 1, field: 'phone', code: 'WRONG_LENGTH', reason: expect.any(String) },
      { row: 2, field: 'name', code: 'REQUIRED', reason: expect.any(String) },
      { row: 2, field: 'gender', code: 'INVALID_VALUE', reason: expect.any(String) },
    ]);
    expect(result.accepted.map((a) => a.row)).toEqual([3]);
  });

  it('O-3 a row with shape problems from the CSV is invalid even when its phone is known', () => {
    const rows: ArchiveBatchRow[] = [
      {
        row: 1,
        record: rec('13800000001'),
        problems: [{ field: 'record', code: 'TOO_MANY_CELLS', reason: 'shifted' }],
      },
      { row: 2, record: rec('13900000001') },
    ];
    const result = classifyBatch(rows, existing, TODAY);
    expect(result.invalid).toEqual([{ row: 1, field: 'record', code: 'TOO_MANY_CELLS', reason: 'shifted' }]);
    expect(result.duplicates).toEqual([]);
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
  });

  it('O-3 non-object records are invalid rows, not a failed batch', () => {
    const result = classifyBatch(numberRecords([null, 'x', rec('13900000001')]), existing, TODAY);
    expect(result.invalid.map((i) => [i.row, i.field, i.code])).toEqual([
      [1, 'record', 'NOT_AN_OBJECT'],
      [2, 'record', 'NOT_AN_OBJECT'],
    ]);
    expect(result.accepted.map((a) => a.row)).toEqual([3]);
  });

  it('O-3 rows are taken in row order even when given out of order', () => {
    const rows: ArchiveBatchRow[] = [
      { row: 5, record: rec('13900000001') },
      { row: 2, record: rec('13900000001') },
    ];
    const result = classifyBatch(rows, existing, TODAY);
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
    expect(result.duplicates).toMatchObject([{ row: 5, duplicateOfRow: 2 }]);
  });

  it('O-3 an empty batch is empty', () => {
    expect(classifyBatch([], existing, TODAY)).toEqual({ accepted: [], duplicates: [], invalid: [] });
  });

  it.each<[string, ArchiveBatchRow[]]>([
    [
      'a repeated row number',
      [
        { row: 1, record: {} },
        { row: 1, record: {} },
      ],
    ],
    ['row 0', [{ row: 0, record: {} }]],
    ['a fractional row', [{ row: 1.5, record: {} }]],
  ])('rejects %s as a programming error', (_label, rows) => {
    expect(() => classifyBatch(rows, existing, TODAY)).toThrow(RangeError);
  });

  it('O-2/O-3 end to end from CSV: row numbers survive blank lines', () => {
    const csv =
      '\uFEFF姓名,手机,性别\r\n张三,138 0000 0001,男\r\n\r\n李四,13900000001,女\r\n王五,abc,男\r\n赵六,139-0000-0001,男\r\n';
    const parsed = parseArchiveCsv(csv);
    if (!parsed.ok) throw new Error(parsed.reason);
    const result = classifyBatch(parsed.rows, existing, TODAY);
    expect(result.duplicates.map((d) => [d.row, d.duplicateOf, d.customerId ?? d.duplicateOfRow])).toEqual([
      [1, 'EXISTING_CUSTOMER', 'cust-1'],
      [5, 'EARLIER_ROW', 3],
    ]);
    expect(result.accepted.map((a) => [a.row, a.record.name, a.record.gender])).toEqual([
      [3, '李四', 'FEMALE'],
    ]);
    expect(result.invalid.map((i) => [i.row, i.field])).toEqual([[4, 'phone']]);
  });

  describe('O-3 properties', () => {
    // Phones from a small pool so that duplicates (within the batch and with existing customers) are common.
    const phone = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((n) => `1390000000${n}`),
      fc.integer({ min: 0, max: 9 }).map((n) => `139 0000 000${n}`),
      fc.constantFrom('12345', 'abc', '', '+852 9123 4567'),
    );
    const record = fc.record({
      name: fc.constantFrom('张三', '', '  李四 ', '𠮷'.repeat(65)),
      phone,
      gender: fc.constantFrom(undefined, 'M', '女', 'X'),
      birthDate: fc.constantFrom(undefined, '1950-01-01', '2030-01-01', '1950-02-30'),
    });
    const batch = fc.array(record, { maxLength: 40 });
    const existingPhones = fc
      .subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
      .map((ns) => new Map<string, string>(ns.map((n) => [`+861390000000${n}`, `cust-${n}`])));

    it('O-3 every row lands in exactly one bucket', () => {
      fc.assert(
        fc.property(batch, existingPhones, (records, known) => {
          const result = classifyBatch(numberRecords(records), known, TODAY);
          const rowsSeen = [
            ...result.accepted.map((a) => a.row),
            ...result.duplicates.map((d) => d.row),
            ...new Set(result.invalid.map((i) => i.row)),
          ].sort((a, b) => a - b);
          expect(rowsSeen).toEqual(records.map((_, i) => i + 1));
        }),
      );
    });

    it('O-3 nothing valid is lost: every valid record whose phone is new is accepted or points at the accepted row with that phone', () => {
      fc.assert(
        fc.property(batch, existingPhones, (records, known) => {
          const result = classifyBatch(numberRecords(records), known, TODAY);
          const acceptedByPhone = new Map(result.accepted.map((a) => [a.record.phone, a.row]));
          // Accepted phones are unique and never an existing customer's.
          expect(acceptedByPhone.size).toBe(result.accepted.length);
          for (const p of acceptedByPhone.keys()) expect(known.has(p)).toBe(false);
          records.forEach((r, i) => {
            const v = validateArchiveRecord(r, TODAY);
            if (!v.ok || known.has(v.record.phone)) return;
            const firstRow = acceptedByPhone.get(v.record.phone);
            expect(firstRow).toBeDefined();
            if (firstRow !== i + 1) {
              expect(result.duplicates).toContainEqual({
                row: i + 1,
                phone: v.record.phone,
                duplicateOf: 'EARLIER_ROW',
                customerId: null,
                duplicateOfRow: firstRow,
              });
            }
          });
        }),
      );
    });

    it('O-3 removing the invalid rows does not change what is accepted', () => {
      fc.assert(
        fc.property(batch, existingPhones, (records, known) => {
          const all = classifyBatch(numberRecords(records), known, TODAY);
          const invalidRows = new Set(all.invalid.map((i) => i.row));
          const kept = numberRecords(records).filter((r) => !invalidRows.has(r.row));
          const again = classifyBatch(kept, known, TODAY);
          expect(again.accepted).toEqual(all.accepted);
          expect(again.invalid).toEqual([]);
        }),
      );
    });
  });
});
