/**
 * Personal data never reaches a log line (docs/rules.md P-1): phone numbers and health readings are cut from
 * structured fields by name, and anything that looks like a mainland mobile number is masked in free text.
 */
export const REDACTED_KEYS = ['phone', 'phoneNumber', 'readings', 'bloodPressure', 'authorization', 'x-api-key', 'password', 'accessToken', 'apiKey', 'key'];

export const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((k) => `*.${k}`),
  ...REDACTED_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers["x-api-key"]',
];

const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;

export function scrubText(text: string): string {
  return text.replace(MOBILE, '[phone]');
}
