/**
 * Wilson score interval for a binomial proportion (95 % by default): unlike the normal approximation it stays inside
 * [0, 1] and is honest for small samples and for proportions near 0 or 1, which is where a recall bar sits.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}
