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

export async function runLighthouse(pages: LighthousePage[]): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  const toRun = pages.filter((page) => page.url);
  for (const page of pages) {
    if (!page.url) results.push({ name: page.name, path: "", status: "missing", detail: page.missing ?? "missing" });
  }
  if (toRun.length === 0) return results;

  for (const page of toRun) {
    // A fresh Chromium (and profile) for each page: a cookie an earlier page set (the language
    // cookie) would otherwise be sent instead of the session cookie in extraHeaders, and a
    // logged-in page would be measured as the login page it redirects to.
    const chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
      logLevel: "silent",
      handleSIGINT: false, // bench/cleanup.ts stops Chromium and the portal together
    });
    const forget = onInterrupt(() => chrome.kill());
    try {
      const url = page.url ?? "";
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
        results.push({
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
        });
      } catch (error) {
        results.push({ name: page.name, path, status: "error", detail: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      forget();
      chrome.kill();
    }
  }
  // In the order the pages were asked for.
  return pages.map((page) => results.find((result) => result.name === page.name) as LighthouseResult);
}
