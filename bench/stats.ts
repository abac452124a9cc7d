/** Timing and reporting helpers for the bench. */

/** Nanoseconds `work` took, by `process.hrtime.bigint()`. */
export function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start);
}

/** Nanoseconds `work` took to settle. */
export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start);
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles over nanosecond samples. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    mean: total / Math.max(1, sorted.length),
    p50: at(50),
    p99: at(99),
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export const us = (ns: number) => `${(ns / 1e3).toFixed(1)} µs`;
export const ms = (ns: number) => `${(ns / 1e6).toFixed(3)} ms`;
export const perSecond = (nsPerOp: number) => `${Math.round(1e9 / nsPerOp).toLocaleString("en-US")}/s`;
export const ratio = (x: number) => `${x.toFixed(3)}x`;

export interface Row {
  bench: string;
  metric: string;
  project: string;
  floor: string;
  ratio: string;
  target: string;
  result: string;
}

export const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

export function printTable(rows: readonly Row[]): void {
  const header: Row = {
    bench: "benchmark",
    metric: "metric",
    project: "project",
    floor: "floor (raw)",
    ratio: "ratio",
    target: "target",
    result: "result",
  };
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((key) => Math.max(...[header, ...rows].map((row) => row[key].length)));
  const line = (row: Row) =>
    keys
      .map((key, i) => {
        const width = widths[i] ?? 0;
        // Numbers read better right-aligned.
        return key === "bench" || key === "metric" ? row[key].padEnd(width) : row[key].padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  console.log(line(header));
  console.log(rule);
  let previous = "";
  for (const row of rows) {
    if (row.bench !== "" && previous !== "" && row.bench !== previous) console.log(rule);
    if (row.bench !== "") previous = row.bench;
    console.log(line(row));
  }
}

/** One figure of two sides measured together: the project's, the floor's and their ratio, in ms. */
export function sideBySideRow(metric: string, projectNs: number, floorNs: number): Row {
  return {
    bench: "",
    metric,
    project: ms(projectNs),
    floor: ms(floorNs),
    ratio: ratio(projectNs / floorNs),
    target: "",
    result: "",
  };
}

/**
 * The p50 and p99 rows of samples taken side by side (nanoseconds); the p99 judged against
 * `p99TargetMs` when there is one.
 */
export function percentileRows(
  bench: string,
  p50Metric: string,
  project: Summary,
  floor: Summary,
  p99TargetMs: number | null,
): Row[] {
  const p99 = sideBySideRow("p99", project.p99, floor.p99);
  if (p99TargetMs !== null) {
    p99.target = `<${p99TargetMs} ms`;
    p99.result = verdict(project.p99 < p99TargetMs * 1e6);
  }
  return [{ ...sideBySideRow(p50Metric, project.p50, floor.p50), bench }, p99];
}

/**
 * The verdict row of a side-by-side run: the median of the per-pair ratios (each project sample over
 * the floor sample taken right beside it), which a stall landing in one sample cannot swing the way
 * it swings a ratio of totals. No target: the ratio is printed, not judged.
 */
export function pairedRatioRow(
  project: readonly number[],
  floor: readonly number[],
  target: number | null,
): Row {
  const paired = summarize(project.map((p, k) => p / (floor[k] ?? Number.NaN))).p50;
  return {
    bench: "",
    metric: `ratio, median of ${project.length} pairs`,
    project: "",
    floor: "",
    ratio: ratio(paired),
    target: target === null ? "" : `≤${target.toFixed(2)}x`,
    result: target === null ? "" : verdict(paired <= target),
  };
}

/**
 * µs/op and ops/s from per-chunk times, and the ratio. Chunk k of both sides inserts the same links
 * right after one another, so `projectNs[k] / floorNs[k]` is a paired measurement; the verdict is on
 * the median of those ratios, which a stall (a WAL checkpoint's fsync: the same work on both sides, but
 * landing in one chunk of one side) cannot swing the way it swings the ratio of totals.
 */
export function perOpRows(
  bench: string,
  ops: number,
  perChunk: number,
  projectNs: number[],
  floorNs: number[],
  target: number | null,
): Row[] {
  const total = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0);
  const pMean = total(projectNs) / ops;
  const fMean = total(floorNs) / ops;
  const pMedian = summarize(projectNs).p50 / perChunk;
  const fMedian = summarize(floorNs).p50 / perChunk;
  return [
    {
      bench: `${bench} (${ops.toLocaleString("en-US")})`,
      metric: "µs/op, mean",
      project: us(pMean),
      floor: us(fMean),
      ratio: ratio(pMean / fMean),
      target: "",
      result: "",
    },
    {
      bench: "",
      metric: "ops/s, mean",
      project: perSecond(pMean),
      floor: perSecond(fMean),
      ratio: "",
      target: "",
      result: "",
    },
    {
      bench: "",
      metric: `µs/op, median ${perChunk}-op chunk`,
      project: us(pMedian),
      floor: us(fMedian),
      ratio: "",
      target: "",
      result: "",
    },
    pairedRatioRow(projectNs, floorNs, target),
  ];
}

/**
 * Times one pair of samples side by side, both sides asynchronous (a database server's round trips).
 * Who goes first alternates with `round`, so neither always runs right after the other's commit.
 */
export async function timePairAsync(
  round: number,
  projectNs: number[],
  floorNs: number[],
  project: () => Promise<unknown>,
  floor: () => Promise<unknown>,
): Promise<void> {
  if (round % 2 === 0) {
    projectNs.push(await timeAsync(project));
    floorNs.push(await timeAsync(floor));
  } else {
    floorNs.push(await timeAsync(floor));
    projectNs.push(await timeAsync(project));
  }
}
