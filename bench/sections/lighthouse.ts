/**
 * Lighthouse 12 with its default mobile settings (simulated slow 4G, 4× CPU slowdown)
 * in Debian's Chromium, a few runs per page. Logged-in pages get the session cookie as an
 * extra header on every request. Run once over plain HTTP/1.1 and once over HTTP/2 with TLS
 * (bench/h2-proxy.ts, a self-signed certificate Chromium is told to accept).
 */
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { onInterrupt } from "../cleanup";

export interface LighthouseResult {
  name: string;
  path: string;
  status: "ok" | "missing" | "error";
  detail?: string;
  performance?: number;
  /** The performance score of every run, in the order they ran (see LIGHTHOUSE_RUNS). */
  performanceRuns?: number[];
  accessibility?: number;
  bestPractices?: number;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  /** Main-thread work during load (script, style, layout...), ms, after the 4× slowdown. */
  mainThreadMs?: number;
  /** Of that, JavaScript evaluation and execution, ms. */
  jsBootupMs?: number;
  /** Accessibility audits that failed, so a score below 100 says why. */
  failedAccessibilityAudits?: string[];
  /**
   * Requests Chromium sent before the page's first contentful paint, the document included, as
   * observed on loopback (network-requests' start times against the observed FCP of the metrics
   * audit): what the page asks for before anything shows. Simulated slow 4G pays for each of them.
   */
  requestsBeforeFcp?: number;
  /** The protocol the document came over, as Chromium reports it ("http/1.1", "h2"). */
  protocol?: string;
}

export interface LighthouseOptions {
  /** For the self-signed certificate of the HTTP/2 run. */
  ignoreCertificateErrors?: boolean;
}

export interface LighthousePage {
  name: string;
  url: string | null;
  cookie?: string;
  /** Why there is no url (a missing route). */
  missing?: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * One Lighthouse score swings by several points between runs of the same page on the same
 * machine (Lighthouse's own advice: take the median of several runs). Each page is measured
 * this many times; the run with the median performance score is reported, with every score.
 */
export const LIGHTHOUSE_RUNS = 3;

export async function runLighthouse(pages: LighthousePage[], options: LighthouseOptions = {}): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const page of pages) {
    if (!page.url) {
      results.push({ name: page.name, path: "", status: "missing", detail: page.missing ?? "missing" });
      continue;
    }
    const runs: LighthouseResult[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await runOnce(page, page.url, options));
    results.push(medianRun(runs));
  }
  return results;
}

/** The run with the median performance score; an error in any run is the page's result. */
function medianRun(runs: LighthouseResult[]): LighthouseResult {
  const failed = runs.find((run) => run.status !== "ok");
  if (failed) return failed;
  const sorted = [...runs].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
  const median = sorted[Math.floor(sorted.length / 2)] as LighthouseResult;
  return {
    ...median,
    performanceRuns: runs.map((run) => run.performance ?? 0),
    // Accessibility does not vary with timing: the worst run counts, with what it found.
    accessibility: Math.min(...runs.map((run) => run.accessibility ?? 0)),
    failedAccessibilityAudits: [...new Set(runs.flatMap((run) => run.failedAccessibilityAudits ?? []))],
  };
}

/** The metrics audit's observed first contentful paint (µs, trace clock). */
type ObservedMetrics = { items?: { observedFirstContentfulPaintTs?: number }[] };
/** The network-requests audit: start times in ms after its networkStartTimeTs (µs, the same clock). */
type NetworkRequests = { items?: { url?: string; networkRequestTime?: number; protocol?: string }[]; debugData?: { networkStartTimeTs?: number } };

function requestsBeforeFcp(metrics: ObservedMetrics | undefined, network: NetworkRequests | undefined): number | undefined {
  const fcpTs = metrics?.items?.[0]?.observedFirstContentfulPaintTs;
  const startTs = network?.debugData?.networkStartTimeTs;
  if (fcpTs === undefined || startTs === undefined || !network?.items) return undefined;
  return network.items.filter((item) => item.networkRequestTime !== undefined && startTs + item.networkRequestTime * 1000 < fcpTs).length;
}

async function runOnce(page: LighthousePage, url: string, options: LighthouseOptions): Promise<LighthouseResult> {
  // A fresh Chromium (and profile) for each run: a cookie an earlier page set (the language
  // cookie) would otherwise be sent instead of the session cookie in extraHeaders, and a
  // logged-in page would be measured as the login page it redirects to.
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      ...(options.ignoreCertificateErrors ? ["--ignore-certificate-errors"] : []),
    ],
    logLevel: "silent",
    handleSIGINT: false, // bench/cleanup.ts stops Chromium and the portal together
  });
  const forget = onInterrupt(() => chrome.kill());
  const path = new URL(url).pathname;
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
    });
    if (!result) throw new Error("lighthouse gave no result");
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    const landed = new URL(result.lhr.finalDisplayedUrl).pathname;
    if (landed !== path) throw new Error(`${path} ended on ${landed} (not logged in?)`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const accessibilityAudits = categories.accessibility?.auditRefs.map((ref) => ref.id) ?? [];
    return {
      name: page.name,
      path,
      status: "ok",
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN),
      tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? NaN),
      cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
      mainThreadMs: Math.round(audits["mainthread-work-breakdown"]?.numericValue ?? NaN),
      jsBootupMs: Math.round(audits["bootup-time"]?.numericValue ?? NaN),
      failedAccessibilityAudits: accessibilityAudits.filter((id) => audits[id]?.score === 0),
      requestsBeforeFcp: requestsBeforeFcp(audits.metrics?.details as ObservedMetrics | undefined, audits["network-requests"]?.details as NetworkRequests | undefined),
      protocol: (audits["network-requests"]?.details as NetworkRequests | undefined)?.items?.[0]?.protocol,
    };
  } catch (error) {
    return { name: page.name, path, status: "error", detail: error instanceof Error ? error.message : String(error) };
  } finally {
    forget();
    chrome.kill();
  }
}
