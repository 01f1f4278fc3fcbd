/**
 * Mainland China mobile phone numbers (O-2 normalisation, P-1 masking).
 *
 * Phones are the identity key of a customer archive (O-3 finds duplicates by phone), so every phone is
 * reduced to one canonical form before it is stored or compared: E.164 `+86` followed by the 11-digit
 * national number. Clerks copy numbers out of paper forms, spreadsheets and chat apps, so the parser
 * accepts the usual ways people write them and rejects, with a reason, anything that is not a mainland
 * mobile (landlines, Hong Kong/Macau/Taiwan and foreign numbers, typos).
 *
 * Pure functions: no I/O, no clock.
 */

/** Why a phone was rejected; stable codes so callers can translate them (the reason text is English). */
export type PhoneRejectionCode =
  /** Nothing but whitespace/separators. */
  | 'EMPTY'
  /** Letters or symbols other than digits, one leading '+', spaces, hyphens, dots and parentheses. */
  | 'INVALID_CHARACTERS'
  /** An explicit country code other than +86 (e.g. +852 Hong Kong, +1). */
  | 'FOREIGN_NUMBER'
  /** The national part is not 11 digits long. */
  | 'WRONG_LENGTH'
  /** 11 digits, but not a mainland mobile: must start with 1 and a second digit 3..9. */
  | 'NOT_MOBILE';

export type PhoneParseResult =
  | { ok: true; /** E.164, e.g. `+8613812345678`. */ e164: string }
  | { ok: false; code: PhoneRejectionCode; reason: string };

/** A mainland mobile in E.164 form: +86, then 1, then 3..9, then 9 more digits. */
const MAINLAND_MOBILE_E164 = /^\+861[3-9]\d{9}$/;
const MAINLAND_MOBILE_NATIONAL = /^1[3-9]\d{9}$/;

/**
 * Separators people put between digit groups. NFKC (applied first) already folds the full-width forms
 * (`－`, `（`, `　`) to ASCII; the remaining dash look-alikes come from word processors and IMEs.
 */
const SEPARATORS = /[\s\-.()\u2010-\u2015\u2212\u30fc]/gu;

function reject(code: PhoneRejectionCode, reason: string): PhoneParseResult {
  return { ok: false, code, reason };
}

/**
 * O-2: normalises a mainland China mobile number written in any common format to E.164.
 *
 * Accepted (all give `+8613812345678`): `13812345678`, `138 1234 5678`, `138-1234-5678`,
 * `(138) 1234-5678`, `+86 138 1234 5678`, `+86-13812345678`, `(+86) 13812345678`, `0086 13812345678`,
 * `8613812345678`, and any of these in full-width characters (`１３８１２３４５６７８`, `＋８６`).
 *
 * Deliberately not accepted: a trunk `0` before the mobile (`013812345678`, only ever needed when dialling
 * a mobile from an out-of-town landline and ambiguous with landline area codes), extensions, and letters.
 * A bare `86` prefix is only taken as the country code when 11 digits follow it, which is unambiguous
 * because a national mobile number always starts with `1`.
 */
export function normalizeMainlandMobile(input: string): PhoneParseResult {
  // NFKC folds full-width digits, '+' and separators to ASCII so one grammar covers both.
  const folded = input.normalize('NFKC').replace(SEPARATORS, '');
  if (folded === '') return reject('EMPTY', 'phone is empty');
  if (!/^\+?\d+$/.test(folded)) {
    return reject(
      'INVALID_CHARACTERS',
      'phone may contain only digits, one leading "+", spaces, hyphens, dots and parentheses',
    );
  }

  let national: string;
  if (folded.startsWith('+')) {
    if (!folded.startsWith('+86'))
      return reject('FOREIGN_NUMBER', 'only mainland China (+86) mobile numbers are accepted');
    national = folded.slice(3);
  } else if (folded.startsWith('00')) {
    // International dialling prefix 00 followed by a country code.
    if (!folded.startsWith('0086'))
      return reject('FOREIGN_NUMBER', 'only mainland China (0086) mobile numbers are accepted');
    national = folded.slice(4);
  } else if (folded.length === 13 && folded.startsWith('86')) {
    national = folded.slice(2);
  } else {
    national = folded;
  }

  if (national.length !== 11) {
    return reject('WRONG_LENGTH', `a mainland mobile number has 11 digits, got ${national.length}`);
  }
  if (!MAINLAND_MOBILE_NATIONAL.test(national)) {
    return reject('NOT_MOBILE', 'not a mainland China mobile number (must start with 13-19)');
  }
  return { ok: true, e164: `+86${national}` };
}

/** True when `value` is already a canonical mainland mobile in E.164 form (`+861[3-9]…`, 14 characters). */
export function isMainlandMobileE164(value: string): boolean {
  return MAINLAND_MOBILE_E164.test(value);
}

/**
 * P-1: the masked form shown to everyone but the owner, their head and roles that need the number:
 * `+8613812345678` → `138****5678` (national number, middle four digits hidden, the way Chinese apps
 * show it).
 *
 * Never throws and never reveals more than that: a value that is not a canonical mainland mobile (legacy
 * or corrupt data) comes back with every digit replaced by `*`, because a masking function in a response
 * path must neither leak the number nor fail the request.
 */
export function maskPhone(e164: string): string {
  if (isMainlandMobileE164(e164)) {
    const national = e164.slice(3);
    return `${national.slice(0, 3)}****${national.slice(7)}`;
  }
  return e164.replace(/\d/g, '*');
}
