/**
 * A number as a JSON value in an answer (`:152,`), not the same digits inside a random uuid or a timestamp
 * (`fbbda314-6152-…`, `…14.152Z`), which would make "the answer holds no 152" fail by chance.
 */
export function jsonNumber(n: number): RegExp {
  return new RegExp(`(?<![\\w-])${n}(?![\\w-])`);
}
