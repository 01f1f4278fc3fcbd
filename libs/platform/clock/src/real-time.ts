/**
 * The machine's own time, for what must not follow a moved business clock: token and session lifetimes, key
 * rotation, rate-limit windows. Business rules read the injectable Clock instead (architecture.md "Time").
 */
export const realNowMs = (): number => Date.now();

export const realNow = (): Date => new Date(realNowMs());
