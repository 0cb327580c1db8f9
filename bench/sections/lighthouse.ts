/**
 * Lighthouse 12 with its default mobile settings (simulated slow 4G, 4× CPU slowdown)
 * in Debian's Chromium, once per page. Logged-in pages get the session cookie as an
 * extra header on every request.
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

export async function runLighthouse(pages: LighthousePage[]): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const page of pages) {
    if (!page.url) {
      results.push({ name: page.name, path: "", status: "missing", detail: page.missing ?? "missing" });
      continue;
    }
    const runs: LighthouseResult[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await runOnce(page, page.url));
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

async function runOnce(page: LighthousePage, url: string): Promise<LighthouseResult> {
  // A fresh Chromium (and profile) for each run: a cookie an earlier page set (the language
  // cookie) would otherwise be sent instead of the session cookie in extraHeaders, and a
  // logged-in page would be measured as the login page it redirects to.
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
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
    };
  } catch (error) {
    return { name: page.name, path, status: "error", detail: error instanceof Error ? error.message : String(error) };
  } finally {
    forget();
    chrome.kill();
  }
}
