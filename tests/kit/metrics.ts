/** Reading the Prometheus text exposition in tests. */

/** `name{labels} value` lines, without comments. */
export function metricSamples(text: string): string[] {
  return text.split("\n").filter((line) => line && !line.startsWith("#"));
}

/** The value of one series; NaN when it is not there (so a renamed series cannot pass as 0). */
export function metricValue(text: string, series: string): number {
  const line = metricSamples(text).find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ").pop()) : Number.NaN;
}
