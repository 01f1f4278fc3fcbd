/** A membership tier: reached when lifetime points are at least `from`. */
export interface Tier {
  name: string;
  from: number;
}

/**
 * Reads `STANDARD:0,SILVER:1000,GOLD:5000`: names in capitals, thresholds whole and rising, the first at 0 so
 * every account has a tier. Answers the tiers, or what is wrong with the text.
 */
export function parseTiers(text: string): Tier[] | string {
  const tiers: Tier[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^([A-Z][A-Z0-9_]*):(\d{1,9})$/.exec(part);
    if (!match) return `has "${part}", expected NAME:points (e.g. SILVER:1000)`;
    const tier = { name: match[1], from: Number(match[2]) };
    const previous = tiers[tiers.length - 1];
    if (previous && tier.from <= previous.from) return `must rise: ${tier.name} (${tier.from}) is not above ${previous.name} (${previous.from})`;
    if (tiers.some((t) => t.name === tier.name)) return `names ${tier.name} twice`;
    tiers.push(tier);
  }
  if (tiers[0].from !== 0) return `must start at 0, so every account has a tier (starts at ${tiers[0].from})`;
  return tiers;
}

/** The highest tier whose threshold the lifetime points reach. */
export function tierFor(lifetimePoints: number, tiers: readonly Tier[]): string {
  let reached = tiers[0].name;
  for (const t of tiers) if (lifetimePoints >= t.from) reached = t.name;
  return reached;
}
