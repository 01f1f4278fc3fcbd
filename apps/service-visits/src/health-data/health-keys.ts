import type { HealthKey, HealthKeyring } from './reading-cipher';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A base64 key of exactly 32 bytes, or what is wrong with it (the message never repeats the value). */
export function parseKey(text: string): Buffer | string {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return 'must be base64';
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) return `must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`;
  return key;
}

/**
 * The keyring from HEALTH_DATA_KEY (with its id HEALTH_DATA_KEY_ID) and HEALTH_DATA_PREVIOUS_KEYS
 * (`id:base64,id:base64`): readings are sealed with the current key and opened with whichever key their stored
 * id names, so a rotation needs no rewrite of old rows. Answers the keyring, or the problems found.
 */
export function buildKeyring(current: { id: string; key: string }, previous: string | undefined): HealthKeyring | string[] {
  const problems: string[] = [];
  const keys: HealthKey[] = [];
  if (!KEY_ID.test(current.id)) problems.push('HEALTH_DATA_KEY_ID must be 1 to 32 letters, digits, "-" or "_"');
  const key = parseKey(current.key);
  if (typeof key === 'string') problems.push(`HEALTH_DATA_KEY ${key}`);
  else keys.push({ id: current.id, key });
  for (const [i, part] of (previous ?? '').split(',').map((p) => p.trim()).filter(Boolean).entries()) {
    const colon = part.indexOf(':');
    const id = colon > 0 ? part.slice(0, colon) : '';
    const old = parseKey(part.slice(colon + 1));
    if (!KEY_ID.test(id)) problems.push(`HEALTH_DATA_PREVIOUS_KEYS entry ${i + 1} must be id:base64`);
    else if (typeof old === 'string') problems.push(`HEALTH_DATA_PREVIOUS_KEYS entry ${i + 1} (${id}) ${old}`);
    else if (keys.some((k) => k.id === id)) problems.push(`HEALTH_DATA_PREVIOUS_KEYS names key id ${id} twice`);
    else keys.push({ id, key: old });
  }
  if (problems.length) return problems;
  return { current: keys[0], byId: new Map(keys.map((k) => [k.id, k])) };
}
