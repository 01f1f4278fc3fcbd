import fc from 'fast-check';
import { isMainlandMobileE164, maskPhone, normalizeMainlandMobile, PhoneRejectionCode } from './phone';

describe('O-2 phone normalisation to E.164', () => {
  it.each([
    ['13812345678'],
    ['138 1234 5678'],
    ['138-1234-5678'],
    ['138.1234.5678'],
    ['(138) 1234-5678'],
    ['  13812345678  '],
    ['138\t1234\t5678'],
    ['+8613812345678'],
    ['+86 13812345678'],
    ['+86 138 1234 5678'],
    ['+86-138-1234-5678'],
    ['(+86) 138 1234 5678'],
    ['+86(138)12345678'],
    ['0086 13812345678'],
    ['0086-138-1234-5678'],
    ['008613812345678'],
    ['8613812345678'],
    ['86 138 1234 5678'],
    ['１３８１２３４５６７８'], // full-width digits
    ['１３８　１２３４　５６７８'], // full-width digits and ideographic spaces
    ['＋８６ １３８－１２３４－５６７８'], // full-width plus and hyphen
    ['138—1234—5678'], // em dash from a word processor
    ['138–1234–5678'], // en dash
  ])('O-2 accepts %j as +8613812345678', (input) => {
    expect(normalizeMainlandMobile(input)).toEqual({ ok: true, e164: '+8613812345678' });
  });

  it.each([
    ['13012345678', '+8613012345678'],
    ['14512345678', '+8614512345678'],
    ['15912345678', '+8615912345678'],
    ['16612345678', '+8616612345678'],
    ['17712345678', '+8617712345678'],
    ['18812345678', '+8618812345678'],
    ['19912345678', '+8619912345678'],
  ])('O-2 accepts every mobile prefix 13..19: %s', (input, e164) => {
    expect(normalizeMainlandMobile(input)).toEqual({ ok: true, e164 });
  });

  it.each<[string, PhoneRejectionCode]>([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['-- ()', 'EMPTY'],
    ['138l2345678', 'INVALID_CHARACTERS'], // letter l for digit 1
    ['138 1234 567O', 'INVALID_CHARACTERS'],
    ['13812345678 ext 12', 'INVALID_CHARACTERS'],
    ['138+12345678', 'INVALID_CHARACTERS'],
    ['++8613812345678', 'INVALID_CHARACTERS'],
    ['+', 'INVALID_CHARACTERS'],
    ['138/1234/5678', 'INVALID_CHARACTERS'],
    ['+852 9123 4567', 'FOREIGN_NUMBER'], // Hong Kong
    ['+853 6612 3456', 'FOREIGN_NUMBER'], // Macau
    ['+886 912 345 678', 'FOREIGN_NUMBER'], // Taiwan
    ['+1 415 555 0100', 'FOREIGN_NUMBER'],
    ['00852 91234567', 'FOREIGN_NUMBER'],
    ['001 4155550100', 'FOREIGN_NUMBER'],
    ['1381234567', 'WRONG_LENGTH'], // 10 digits
    ['138123456789', 'WRONG_LENGTH'], // 12 digits
    ['013812345678', 'WRONG_LENGTH'], // trunk 0 is not accepted
    ['+86 0138 1234 5678', 'WRONG_LENGTH'],
    ['+86 138 1234 567', 'WRONG_LENGTH'],
    ['0086 138 1234 56789', 'WRONG_LENGTH'],
    ['861381234567', 'WRONG_LENGTH'], // 86 + 10 digits
    ['12345678901', 'NOT_MOBILE'],
    ['11012345678', 'NOT_MOBILE'],
    ['10086123456', 'NOT_MOBILE'],
    ['23812345678', 'NOT_MOBILE'],
    ['0755 1234567', 'NOT_MOBILE'], // Shenzhen landline, 11 digits
    ['010 8888 8888', 'NOT_MOBILE'], // Beijing landline, also 11 digits
    ['+86 10 8888 8888', 'WRONG_LENGTH'], // the same landline written internationally: 10 digits
    ['+86 12812345678', 'NOT_MOBILE'],
    ['86 12812345678', 'NOT_MOBILE'],
  ])('O-2 rejects %j as %s with a reason', (input, code) => {
    const result = normalizeMainlandMobile(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('O-2 property: any 1[3-9]xxxxxxxxx in any accepted format normalises to the same E.164', () => {
    const national = fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const prefix = fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '(+86) ');
    const sep = fc.constantFrom('', ' ', '-', '.');
    const fullWidth = fc.boolean();
    fc.assert(
      fc.property(national, prefix, sep, fullWidth, (n, p, s, fw) => {
        let written = `${p}${n.slice(0, 3)}${s}${n.slice(3, 7)}${s}${n.slice(7)}`;
        if (fw) written = written.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const result = normalizeMainlandMobile(written);
        expect(result).toEqual({ ok: true, e164: `+86${n}` });
        // Normalising is idempotent: the canonical form parses to itself.
        expect(normalizeMainlandMobile(`+86${n}`)).toEqual(result);
      }),
    );
  });

  it('O-2 property: whatever it accepts is a canonical mainland mobile', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('1', '3', '8', '6', '0', '+', ' ', '-', 'a', '９') }),
        (s) => {
          const result = normalizeMainlandMobile(s);
          if (result.ok) expect(isMainlandMobileE164(result.e164)).toBe(true);
        },
      ),
    );
  });
});

describe('isMainlandMobileE164', () => {
  it.each([
    ['+8613812345678', true],
    ['+8619912345678', true],
    ['8613812345678', false],
    ['13812345678', false],
    ['+8612812345678', false],
    ['+86138123456789', false],
    ['+85291234567', false],
  ])('%s → %s', (value, expected) => expect(isMainlandMobileE164(value)).toBe(expected));
});

describe('P-1 phone masking', () => {
  it.each([
    ['+8613812345678', '138****5678'],
    ['+8613812341234', '138****1234'],
    ['+8619900000000', '199****0000'],
  ])('P-1 masks %s as %s', (e164, masked) => expect(maskPhone(e164)).toBe(masked));

  it.each([
    ['13812345678', '***********'],
    ['+85291234567', '+***********'],
    ['', ''],
    ['not a phone', 'not a phone'],
  ])('P-1 never leaks a non-canonical value %j: every digit hidden', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });

  it('P-1 property: the masked form shows exactly the first 3 and last 4 national digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (second, rest) => {
          const national = `1${second}${String(rest).padStart(9, '0')}`;
          const masked = maskPhone(`+86${national}`);
          expect(masked).toBe(`${national.slice(0, 3)}****${national.slice(7)}`);
          expect(masked.replace(/\D/g, '')).toHaveLength(7);
        },
      ),
    );
  });
});
