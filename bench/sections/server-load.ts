/**
 * Server latency, throughput and CPU cost with autocannon on loopback: every target at every
 * connection count. Latencies are taken from every response (autocannon's own table has no p95).
 *
 * The row at `cpuConnections` is a fixed run of `cpuRequests` requests, every answer awaited: the
 * portal's CPU time (its process group's utime + stime from /proc, every thread) from a quiet
 * moment before to a quiet moment after, divided by the answers. Unlike latency, a busy machine
 * hardly moves it: it counts the portal's own work, not its wait for a core. The other rows are
 * bounded in time and in requests; they stop with requests still in flight, so they carry no CPU figure.
 */
import autocannon from "autocannon";
import { cpuConnections, cpuRequests, cpuRunMaxSeconds, loadMaxRequests, loadSeconds } from "../config";

export interface LoadTarget {
  name: string;
  /** What was measured, when it is a stand-in (e.g. the status page is not built yet). */
  note?: string;
  url: string;
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The status a correct answer has (200 for a page, 302 for a saved step that goes on). */
  expectStatus: number;
}

export interface LoadResult {
  target: string;
  note?: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers with another status than expected, connection errors and timeouts. */
  unexpected: number;
  /** The portal's CPU time (user + system, all its threads) per answer, ms; on the fixed run at cpuConnections only. */
  cpuMsPerRequest?: number;
}

/** The portal's CPU time used so far, ms (bench/portal.ts, groupCpu). */
export type CpuClock = () => Promise<number>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

type Bound = { seconds: number } | { amount: number; maxSeconds: number };

function fire(target: LoadTarget, connections: number, bound: Bound): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let unexpected = 0;
    let cap: NodeJS.Timeout | undefined;
    const instance = autocannon(
      {
        url: target.url,
        connections,
        ...("amount" in bound ? { amount: bound.amount } : { duration: bound.seconds, maxOverallRequests: loadMaxRequests }),
        method: target.method,
        headers: target.headers,
        body: target.body,
        timeout: 10,
      },
      (error, result) => {
        clearTimeout(cap);
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          target: target.name,
          note: target.note,
          connections,
          requests: latencies.length,
          requestsPerSecond: Math.round(latencies.length / Math.max(result.duration, 0.001)),
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
          p99Ms: percentile(latencies, 99),
          unexpected: unexpected + result.errors + result.timeouts,
        });
      },
    );
    if ("amount" in bound) cap = setTimeout(() => instance.stop(), bound.maxSeconds * 1000);
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== target.expectStatus) unexpected++;
    });
  });
}

/**
 * Waits until the portal has used at most one clock tick (10 ms) of CPU in 250 ms, at most 5 s:
 * work of the run before (the request log written after an answer, a slow request) done.
 */
async function quiet(cpu: CpuClock): Promise<number> {
  let last = await cpu();
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await cpu();
    if (now - last <= 10) return now;
    last = now;
  }
  return last;
}

/** The fixed run at cpuConnections, with the portal's CPU time per answer. */
async function fireWithCpu(target: LoadTarget, cpu: CpuClock): Promise<LoadResult> {
  const before = await quiet(cpu);
  const result = await fire(target, cpuConnections, { amount: cpuRequests, maxSeconds: cpuRunMaxSeconds });
  const cpuMs = (await quiet(cpu)) - before;
  return { ...result, cpuMsPerRequest: result.requests > 0 ? Number((cpuMs / result.requests).toFixed(2)) : NaN };
}

export async function runLoad(targets: LoadTarget[], connectionCounts: number[], cpu: CpuClock): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const target of targets) {
    await fire(target, 10, { seconds: 1 }); // warm-up: JIT, connection pools, caches
    for (const connections of connectionCounts) {
      results.push(connections === cpuConnections ? await fireWithCpu(target, cpu) : await fire(target, connections, { seconds: loadSeconds }));
    }
  }
  return results;
}
