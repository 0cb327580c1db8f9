/**
 * Server latency and throughput with autocannon on loopback: every target at every
 * connection count, bounded in time and in requests. Latencies are taken from every
 * response (autocannon's own table has no p95).
 */
import autocannon from "autocannon";
import { loadMaxRequests, loadSeconds } from "../config";

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
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

function fire(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let unexpected = 0;
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        maxOverallRequests: loadMaxRequests,
        method: target.method,
        headers: target.headers,
        body: target.body,
        timeout: 10,
      },
      (error, result) => {
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
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== target.expectStatus) unexpected++;
    });
  });
}

export async function runLoad(targets: LoadTarget[], connectionCounts: number[]): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const target of targets) {
    await fire(target, 10, 1); // warm-up: JIT, connection pools, caches
    for (const connections of connectionCounts) results.push(await fire(target, connections, loadSeconds));
  }
  return results;
}
