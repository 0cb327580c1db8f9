/**
 * `npm run bench`: builds the production bundle, starts the portal with mocks and a
 * fresh embedded database, measures page weight, Lighthouse, a conversation's page with a long
 * history, server latency (among it the status page and the contact centre's person page),
 * upload and fold, prints a table per section, writes bench/results.json and exits non-zero
 * when a figure breaks its budget in bench/budgets.json.
 *
 *   --quick        skip Lighthouse (the slowest section)
 *   --skip-build   reuse the builds of the last run
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import budgetsJson from "./budgets.json";
import {
  BASE_URL,
  BUILD_DIR,
  FLOOR_BUILD_DIR,
  FLOOR_NAME,
  FLOOR_PORT,
  H2_FLOOR_PORT,
  H2_PORT,
  FLOOR_DIR,
  lighthousePages,
  loadConnections,
  loadMaxRequests,
  loadSeconds,
  routes,
  klageWalkAnswers,
  conversationRequests,
  conversationSizes,
  cpuConnections,
  cpuRequests,
  stepPost,
  walkAnswers,
  type PathValue,
  type Persona,
} from "./config";
import {
  buildFloor,
  buildPortal,
  conversationWithMessages,
  firstSoknad,
  fnrOf,
  groupCpu,
  login,
  loginStaffMember,
  ROOT,
  sameOrigin,
  startDraft,
  startKlage,
  staffLookup,
  startPortal,
  walkAndSend,
  walkAndSendKlage,
  type RunningPortal,
  type Session,
} from "./portal";
import { serveFloor, weighFloor, weighRoutes, type RouteWeight, type Weight } from "./sections/page-weight";
import { LIGHTHOUSE_RUNS, runLighthouse, type LighthousePage, type LighthouseResult } from "./sections/lighthouse";
import { selfSignedCertificate, startH2Proxy } from "./h2-proxy";
import { runLoad, type LoadResult, type LoadTarget } from "./sections/server-load";
import { runUpload, type UploadSection } from "./sections/upload";
import { runFold, type FoldSection } from "./sections/fold";
import { runConversations, type ConversationSection } from "./sections/conversation";

/** One Lighthouse pass over every page and the floor, over one protocol. */
interface LighthouseRun {
  protocol: "HTTP/1.1" | "HTTP/2 + TLS";
  results: LighthouseResult[];
}

type Budgets = { [K in keyof typeof budgetsJson]: { max?: number; min?: number; what: string } };
const budgets: Budgets = budgetsJson;

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const skipBuild = args.has("--skip-build");
const startedAt = Date.now();

/* ---------- printing ---------- */

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
const step = (text: string) => console.log(`· ${text} (${seconds()})`);

function table(title: string, header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of cells.slice(1)) console.log(line(row));
}

/* ---------- budgets ---------- */

interface Check {
  budget: keyof Budgets;
  subject: string;
  value: number;
  /** What the figure was measured against in the same run ("-" when its limit is absolute). */
  baseline: string;
  limit: string;
  ok: boolean;
}
const checks: Check[] = [];
/** Figures that could not be measured although the thing exists: they fail the run too. */
const problems: string[] = [];

function checkMax(budget: keyof Budgets, subject: string, value: number, baseline = "-") {
  const max = budgets[budget].max ?? Infinity;
  checks.push({ budget, subject, value, baseline, limit: `≤ ${max}`, ok: value <= max });
}
function checkMin(budget: keyof Budgets, subject: string, value: number, baseline = "-") {
  const min = budgets[budget].min ?? -Infinity;
  checks.push({ budget, subject, value, baseline, limit: `≥ ${min}`, ok: value >= min });
}

/* ---------- the run ---------- */

async function machine() {
  const cpus = os.cpus();
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    /** Other work on the machine skews every figure: above the core count, read them with care. */
    loadAverage1mAtStart: Number((os.loadavg()[0] ?? 0).toFixed(2)),
    loadAverage1mAtEnd: NaN,
    commit,
  };
}

async function main(): Promise<number> {
  const machineInfo = await machine();
  console.log(`Benchmark on ${machineInfo.cpuModel}, ${machineInfo.cores} cores, ${machineInfo.memoryGb} GB, Node ${machineInfo.node}${quick ? " (--quick: no Lighthouse)" : ""}`);
  if (machineInfo.loadAverage1mAtStart > machineInfo.cores) {
    console.log(`Note: load average ${machineInfo.loadAverage1mAtStart} on ${machineInfo.cores} cores: other work is running, figures will be slower than on an idle machine.`);
  }

  if (!skipBuild) {
    step(`building the portal into ${BUILD_DIR}`);
    await buildPortal(BUILD_DIR);
    step(`building the floor (${FLOOR_DIR}) into ${FLOOR_BUILD_DIR}`);
    await buildFloor(FLOOR_DIR, FLOOR_BUILD_DIR);
  }

  step("page weight of the floor (an empty Remix route with React alone)");
  const floor = await weighFloor(path.join(ROOT, FLOOR_BUILD_DIR));

  step(`starting the portal on ${BASE_URL} (mocks, fresh embedded database)`);
  const portal: RunningPortal = await startPortal(BUILD_DIR);
  let pageWeights: RouteWeight[] = [];
  let lighthouse: LighthouseRun[] | "skipped" = "skipped";
  let load: LoadResult[] = [];
  let upload: UploadSection = { status: "not built", detail: "not run" };
  let conversations: ConversationSection = { status: "error", detail: "not run" };
  try {
    step("logging in, starting drafts, walking one søknad and one complaint to their receipts");
    const personas = new Set<Persona>(["forstegang", "innvilget", ...routes.flatMap((route) => (route.as ? [route.as] : []))]);
    const sessions = {} as Record<Persona, Session | undefined>;
    for (const persona of personas) sessions[persona] = await login(persona);
    const applicant = sessions.forstegang as Session;
    const values: Partial<Record<PathValue, string | null>> = {};
    try {
      const sent = await startDraft(applicant);
      await walkAndSend(applicant, sent, walkAnswers);
      values.sentDraftId = sent;
    } catch (error) {
      problems.push(`walking a søknad to its receipt failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    values.draftId = await startDraft(applicant);
    Object.assign(values, await firstSoknad((sessions.innvilget as Session).fnr));
    // Complaints: avslag's refusal, one complaint sent (receipt, its own page) and then a new draft (the steps).
    const complainant = sessions.avslag;
    if (complainant) {
      try {
        const refused = await firstSoknad(complainant.fnr);
        if (!refused.fiksDigisosId || !refused.letterId) throw new Error("avslag has no søknad with a vedtak in the mock");
        values.klageSoknadId = refused.fiksDigisosId;
        const sent = await startKlage(complainant, refused.fiksDigisosId, refused.letterId);
        await walkAndSendKlage(complainant, sent, klageWalkAnswers(refused.letterId));
        values.sentKlageId = sent;
        values.klageDraftId = await startKlage(complainant, refused.fiksDigisosId, refused.letterId);
      } catch (error) {
        problems.push(`walking a complaint to its receipt failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    const writer = sessions["under-behandling"];
    if (writer) values.samtaleId = await conversationWithMessages(writer.fnr);

    step(`page weight of ${routes.length} routes`);
    pageWeights = await weighRoutes(sessions, values);
    printPageWeight(floor, pageWeights);

    if (!quick) {
      step(`Lighthouse on ${lighthousePages.length} pages and the floor (about 30 s a run)`);
      const pages: LighthousePage[] = lighthousePages.map((name) => {
        const route = routes.find((candidate) => candidate.name === name);
        const weight = pageWeights.find((candidate) => candidate.name === name);
        if (!route || !weight) return { name, url: null, missing: "not in the route list" };
        if (weight.status === "missing") return { name, url: null, missing: `route missing (${weight.detail})` };
        return { name, url: `${BASE_URL}${weight.path}`, cookie: route.as ? sessions[route.as]?.cookie : undefined };
      });
      // The floor beside them, for comparison (no budget): what React and Remix alone score here.
      const floorServer = await serveFloor(path.join(ROOT, FLOOR_BUILD_DIR), FLOOR_PORT);
      try {
        const plain = await runLighthouse([...pages, { name: FLOOR_NAME, url: floorServer.url }]);
        lighthouse = [{ protocol: "HTTP/1.1", results: plain }];
        printLighthouse(lighthouse[0]!);
        // Again over HTTP/2 with TLS, as production's ingress serves the portal: the same pages and floor behind a proxy.
        const certificate = await selfSignedCertificate();
        step(`Lighthouse again over HTTP/2 with TLS (a self-signed certificate made by ${certificate.madeBy}, a proxy on ports ${H2_PORT} and ${H2_FLOOR_PORT})`);
        const portalH2 = await startH2Proxy(BASE_URL, H2_PORT, certificate);
        const floorH2 = await startH2Proxy(floorServer.url, H2_FLOOR_PORT, certificate);
        try {
          const overH2 = (url: string | null) => (url ? new URL(new URL(url).pathname + new URL(url).search, portalH2.url).href : null);
          const h2 = await runLighthouse([...pages.map((page) => ({ ...page, url: overH2(page.url) })), { name: FLOOR_NAME, url: `${floorH2.url}/` }], { ignoreCertificateErrors: true });
          lighthouse.push({ protocol: "HTTP/2 + TLS", results: h2 });
          printLighthouse(lighthouse[1]!);
        } finally {
          await portalH2.close();
          await floorH2.close();
        }
      } finally {
        await floorServer.close();
      }
    }

    step(`a conversation's page with ${conversationSizes.map((size) => size.toLocaleString("en")).join(" and ")} messages, ${conversationRequests} requests each`);
    conversations = await runConversations();
    printConversations(conversations);

    const statusPage = pageWeights.find((weight) => weight.name === "status page");
    const statusPath = statusPage?.status === "ok" ? statusPage.path : null;
    const innvilget = sessions.innvilget as Session;
    const postDraft = await startDraft(applicant);
    // The contact centre's person page: a staff member logged in, one search for under-behandling
    // (its lookup id, valid for an hour), then GETs of that page; each writes an audit record.
    let staffPerson: LoadTarget | null = null;
    try {
      const staff = await loginStaffMember();
      const personPath = await staffLookup(staff, await fnrOf("under-behandling"));
      staffPerson = {
        name: "staff person page",
        note: `under-behandling's, after one search as ${staff.navIdent}; every GET writes an audit record first`,
        url: `${BASE_URL}${personPath}`,
        method: "GET",
        headers: { Cookie: staff.cookie },
        expectStatus: 200,
      };
    } catch (error) {
      problems.push(`the staff person page: ${error instanceof Error ? error.message : String(error)}`);
    }
    const targets: LoadTarget[] = [
      { name: "static file", note: "/favicon.svg, the baseline", url: `${BASE_URL}/favicon.svg`, method: "GET", expectStatus: 200 },
      { name: "landing, anonymous", note: "/nb: the cost of a server-rendered page without a session", url: `${BASE_URL}/nb`, method: "GET", expectStatus: 200 },
      statusPath
        ? { name: "status page", url: `${BASE_URL}${statusPath}`, method: "GET", headers: { Cookie: innvilget.cookie }, expectStatus: 200 }
        : {
            name: "landing, logged in",
            note: "stand-in: the status page is missing",
            url: `${BASE_URL}/nb`,
            method: "GET",
            headers: { Cookie: innvilget.cookie },
            expectStatus: 200,
          },
      ...(staffPerson ? [staffPerson] : []),
      {
        name: `søknad step POST`,
        note: `${stepPost.step}, saved and on to the next step`,
        url: `${BASE_URL}/nb/soknad/${postDraft}/${stepPost.step}`,
        method: "POST",
        headers: { ...sameOrigin, Cookie: applicant.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: stepPost.body,
        expectStatus: 302,
      },
    ];
    // Before the load, so the memory it measures is not hidden in a heap the load grew.
    step("upload");
    upload = await runUpload(portal);

    step(`server load: ${loadConnections.join(", ")} connections`);
    load = await runLoad(targets, loadConnections, async () => (await groupCpu(portal.pgid)).ms);
    printLoad(load);
    const counted = await groupCpu(portal.pgid);
    console.log(`  CPU counted in the portal's process group ${portal.pgid} (the mock has its own): ${counted.processes.map((process) => `${process.pid} ${process.command.slice(0, 90)}`).join("; ")}`);
  } catch (error) {
    console.error(`\nThe portal's last output:\n${portal.log().slice(-3000)}`);
    throw error;
  } finally {
    step("stopping the portal");
    await portal.stop();
  }
  printUpload(upload);

  step("fold");
  const fold = await runFold();
  machineInfo.loadAverage1mAtEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  printFold(fold);

  // Budgets
  for (const weight of pageWeights) {
    if (weight.status === "ok") {
      checkMax("pageJsGzipKb", weight.name, Number(kb(weight.jsGzipBytes)), `floor ${kb(floor.jsGzipBytes)}`);
      checkMax("pageScripts", weight.name, weight.scripts, `floor ${floor.scripts}`);
      checkMax("pageCssGzipKb", weight.name, Number(kb(weight.cssGzipBytes)), `floor ${kb(floor.cssGzipBytes)}`);
    } else if (weight.status === "error") {
      problems.push(`page weight of ${weight.name} (${weight.path}): ${weight.detail}`);
    }
  }
  // The guides' pages are the lightest of the portal: none loads more JavaScript than the lightest page that is not a guide.
  const measured = pageWeights.filter((weight) => weight.status === "ok");
  const lightestOther = Math.min(...measured.filter((weight) => !weight.name.startsWith("guide:")).map((weight) => weight.jsGzipBytes));
  for (const weight of measured.filter((weight) => weight.name.startsWith("guide:"))) {
    checkMax("guidePageJsVsLightest", weight.name, Number((weight.jsGzipBytes / lightestOther).toFixed(3)), `lightest other page ${kb(lightestOther)} kB`);
  }
  for (const { protocol, results } of lighthouse === "skipped" ? [] : lighthouse) {
    // The floor is the baseline, measured over the same protocol in the same run, not a page of ours.
    const floorRun = results.find((result) => result.name === FLOOR_NAME);
    const floorOf = (score: "performance" | "accessibility") => (floorRun?.status === "ok" ? `floor ${floorRun[score]}` : "floor not measured");
    for (const result of results) {
      if (result.name === FLOOR_NAME) continue;
      if (result.status === "ok") {
        checkMin("lighthousePerformance", `${result.name}, ${protocol}`, result.performance ?? 0, floorOf("performance"));
        checkMin("lighthouseAccessibility", `${result.name}, ${protocol}`, result.accessibility ?? 0, floorOf("accessibility"));
      } else if (result.status === "error") {
        problems.push(`Lighthouse on ${result.name} over ${protocol}: ${result.detail}`);
      }
    }
  }
  // What a page costs the portal in CPU, at 10 connections; and the status page's throughput against the anonymous landing's in the same run.
  const at10 = (target: string) => load.find((result) => result.target === target && result.connections === cpuConnections);
  const status10 = at10("status page");
  const landing10 = at10("landing, anonymous");
  const stepPost10 = at10("søknad step POST");
  const cpuOf = (result: LoadResult) => result.cpuMsPerRequest ?? NaN;
  const landingCpu = landing10 ? `landing ${cpuOf(landing10)}` : "-";
  if (status10) checkMax("statusPageCpuMsPerRequest", `status page, ${cpuConnections} connections`, cpuOf(status10), landingCpu);
  if (stepPost10) checkMax("stepPostCpuMsPerRequest", `søknad step POST, ${cpuConnections} connections`, cpuOf(stepPost10), landingCpu);
  if (status10 && landing10) {
    const { min } = budgetsJson.statusPageThroughputVsLanding;
    const ratio = status10.requestsPerSecond / Math.max(landing10.requestsPerSecond, 1);
    checks.push({
      budget: "statusPageThroughputVsLanding",
      subject: `status page ${status10.requestsPerSecond} req/s vs landing, ${cpuConnections} connections`,
      value: Number(ratio.toFixed(2)),
      baseline: `landing ${landing10.requestsPerSecond} req/s`,
      limit: `≥ ${min}`,
      ok: ratio >= min,
    });
  }
  const status50 = load.find((result) => result.target === "status page" && result.connections === 50);
  const staffPerson50 = load.find((result) => result.target === "staff person page" && result.connections === 50);
  if (staffPerson50 && status50) {
    // Against the status page in the same run, so a busy machine moves both alike.
    const { max } = budgetsJson.staffPersonPageP95VsStatusPage;
    const limit = max * status50.p95Ms;
    checks.push({
      budget: "staffPersonPageP95VsStatusPage",
      subject: "staff person page vs status page, p95 at 50 connections",
      value: Math.round(staffPerson50.p95Ms),
      baseline: `status page ${Math.round(status50.p95Ms)} ms`,
      limit: `≤ ${max} × ${Math.round(status50.p95Ms)} = ${Math.round(limit)}`,
      ok: staffPerson50.p95Ms <= limit,
    });
  }
  for (const result of load) {
    if (result.unexpected > 0) problems.push(`server load on ${result.target} at ${result.connections} connections: ${result.unexpected} unexpected answers or errors`);
  }
  if (upload.status === "ok") {
    checkMax("uploadMemoryGrowthMb", "upload", upload.memoryGrowthMb);
    for (const file of upload.files) checkMax("uploadSeconds", file.name, Number((file.ms / 1000).toFixed(2)));
  }
  if (upload.status === "error") problems.push(`upload: ${upload.detail}`);
  if (conversations.status === "ok") {
    const [baseline, ...longer] = conversations.results;
    const { max, slackMs } = budgetsJson.conversationLongHistoryP95;
    for (const result of baseline ? longer : []) {
      const limit = max * baseline!.p95Ms + slackMs;
      checks.push({
        budget: "conversationLongHistoryP95",
        subject: `${result.messages.toLocaleString("en")} vs ${baseline!.messages} messages`,
        value: result.p95Ms,
        baseline: `${baseline!.messages} messages ${baseline!.p95Ms} ms`,
        limit: `≤ ${max} × ${baseline!.p95Ms} + ${slackMs} = ${limit.toFixed(1)}`,
        ok: result.p95Ms <= limit,
      });
    }
  } else {
    problems.push(`conversation with a long history: ${conversations.detail}`);
  }
  if (fold.status === "error") problems.push(`fold: ${fold.detail}`);
  if (fold.status === "ok") {
    const thousand = fold.results.find((result) => result.events === 1_000);
    const tenThousand = fold.results.find((result) => result.events === 10_000);
    if (tenThousand) checkMax("foldTenThousandMs", "10,000 events, median", tenThousand.medianMs, thousand ? `1,000: ${thousand.medianMs} ms` : "-");
    if (thousand && tenThousand) {
      checkMax("foldGrowthTenVsOneThousand", "10,000 ÷ 1,000 events, medians", Number((tenThousand.medianMs / thousand.medianMs).toFixed(1)), `1,000: ${thousand.medianMs} ms`);
    }
    for (const result of fold.results) if (!result.ok) problems.push(`fold: the generated log of ${result.events} events was refused`);
  }

  const notMeasured = [
    ...pageWeights.flatMap((weight) => (weight.status === "missing" ? [`route ${weight.name} (${weight.detail})`] : [])),
    ...(lighthouse === "skipped"
      ? ["Lighthouse (--quick)"]
      : lighthouse.flatMap(({ protocol, results }) => results.filter((result) => result.status === "missing").map((result) => `Lighthouse on ${result.name} over ${protocol}`))),
    ...(status10 ? [] : ["status page CPU and throughput (route missing; a stand-in was measured, its budgets not checked)"]),
    ...(upload.status === "not built" ? [`upload (${upload.detail})`] : []),
    ...(fold.status === "not built" ? [`fold (${fold.detail})`] : []),
  ];

  table(
    `Budgets (bench/budgets.json); baseline: what the figure was measured against in this run; load average ${machineInfo.loadAverage1mAtStart} at the start, ${machineInfo.loadAverage1mAtEnd} at the end, ${machineInfo.cores} cores`,
    ["budget", "subject", "figure", "baseline", "limit", "verdict"],
    checks.map((check) => [check.budget, check.subject, check.value, check.baseline, check.limit, check.ok ? "pass" : "FAIL"]),
  );
  if (notMeasured.length > 0) console.log(`\nNot measured (missing or not built yet, not a failure):\n${notMeasured.map((item) => `  - ${item}`).join("\n")}`);

  const failed = checks.filter((check) => !check.ok);
  const results = {
    machine: machineInfo,
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    quick,
    budgets,
    pageWeight: { floor, routes: pageWeights },
    lighthouse,
    server: load,
    conversations,
    upload,
    fold,
    checks,
    problems,
    notMeasured,
    passed: failed.length === 0 && problems.length === 0,
  };
  await fs.writeFile(path.join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote bench/results.json (${seconds()}).`);

  if (failed.length > 0) {
    console.log(`\nFAILED: ${failed.length} figure(s) outside their budget:`);
    for (const check of failed) console.log(`  - ${check.budget} on ${check.subject}: ${check.value} (limit ${check.limit})`);
  }
  if (problems.length > 0) {
    console.log(`\nFAILED: ${problems.length} figure(s) could not be measured:`);
    for (const problem of problems) console.log(`  - ${problem}`);
  }
  if (results.passed) console.log("\nEvery measured figure holds its budget.");
  return results.passed ? 0 : 1;
}

/* ---------- the tables ---------- */

function printPageWeight(floor: Weight, weights: RouteWeight[]) {
  const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : "-");
  const row = (name: string, weight: Weight): (string | number)[] => [
    name,
    kb(weight.htmlBytes),
    kb(weight.htmlGzipBytes),
    kb(weight.jsBytes),
    kb(weight.jsGzipBytes),
    kb(weight.cssBytes),
    kb(weight.cssGzipBytes),
    weight.scripts,
    weight.assets,
    ratio(weight.jsGzipBytes, floor.jsGzipBytes),
  ];
  table(
    `Page weight on first load, kB (gz = gzip -9); floor = an empty Remix route with React alone; budgets: JS gz ≤ ${budgets.pageJsGzipKb.max}, scripts ≤ ${budgets.pageScripts.max}, CSS gz ≤ ${budgets.pageCssGzipKb.max}`,
    ["route", "HTML", "HTML gz", "JS", "JS gz", "CSS", "CSS gz", "scripts", "files", "JS gz ÷ floor"],
    [
      row("floor", floor),
      ...weights.map((weight) =>
        weight.status === "ok" ? row(weight.name, weight) : [weight.name, weight.status === "missing" ? `missing (${weight.detail})` : `ERROR ${weight.detail}`, "", "", "", "", "", "", "", ""],
      ),
    ],
  );
}

function printLighthouse({ protocol, results }: LighthouseRun) {
  table(
    `Lighthouse 12 over ${protocol}, mobile (slow 4G, 4× CPU), the median of ${LIGHTHOUSE_RUNS} runs each (all scores in "runs"); budgets: performance ≥ ${budgets.lighthousePerformance.min}, accessibility ≥ ${budgets.lighthouseAccessibility.min}; requests before FCP: sent before the observed first contentful paint on loopback, the document included`,
    ["page", "protocol", "performance", "runs", "accessibility", "best practices", "LCP ms", "TBT ms", "CLS", "requests before FCP", "main thread ms", "JS ms"],
    results.map((result) =>
      result.status === "ok"
        ? [
            result.name,
            result.protocol ?? "",
            result.performance ?? "",
            (result.performanceRuns ?? []).join(" "),
            result.accessibility ?? "",
            result.bestPractices ?? "",
            result.lcpMs ?? "",
            result.tbtMs ?? "",
            result.cls ?? "",
            result.requestsBeforeFcp ?? "",
            result.mainThreadMs ?? "",
            result.jsBootupMs ?? "",
          ]
        : [result.name, result.status === "missing" ? `skipped: ${result.detail}` : `ERROR ${result.detail}`, "", "", "", "", "", "", "", "", "", ""],
    ),
  );
  for (const result of results) {
    if (result.failedAccessibilityAudits?.length) console.log(`  ${result.name} (${protocol}): failed accessibility audits: ${result.failedAccessibilityAudits.join(", ")}`);
  }
}

function printLoad(results: LoadResult[]) {
  table(
    `Server on loopback (autocannon after a 1 s warm-up; at ${cpuConnections} connections a fixed run of ${cpuRequests} requests, otherwise ${loadSeconds} s or ${loadMaxRequests} requests per row); CPU ms/req: the portal process's user + system time per answer on the fixed run; budgets at ${cpuConnections} connections: CPU status page ≤ ${budgets.statusPageCpuMsPerRequest.max} ms, step POST ≤ ${budgets.stepPostCpuMsPerRequest.max} ms, status page req/s ≥ ${budgets.statusPageThroughputVsLanding.min} × the landing's; p95 at 50 connections, staff person page ≤ ${budgetsJson.staffPersonPageP95VsStatusPage.max} × the status page's; latency otherwise without a budget`,
    ["target", "connections", "requests", "req/s", "CPU ms/req", "p50 ms", "p95 ms", "p99 ms", "unexpected"],
    results.map((result) => [
      result.target,
      result.connections,
      result.requests,
      result.requestsPerSecond,
      result.cpuMsPerRequest?.toFixed(2) ?? "",
      result.p50Ms.toFixed(1),
      result.p95Ms.toFixed(1),
      result.p99Ms.toFixed(1),
      result.unexpected,
    ]),
  );
  const notes = [...new Map(results.filter((result) => result.note).map((result) => [result.target, result.note])).entries()];
  for (const [target, note] of notes) console.log(`  ${target}: ${note}`);
}

function printConversations(section: ConversationSection) {
  if (section.status !== "ok") {
    console.log(`\nConversation with a long history: ${section.status} (${section.detail})`);
    return;
  }
  const { max, slackMs } = budgetsJson.conversationLongHistoryP95;
  table(
    `A conversation's page (the newest 20 messages), sequential GETs on loopback, sizes by turns; budget: p95 of the longest ≤ ${max} × p95 of ${conversationSizes[0]} + ${slackMs} ms`,
    ["messages", "requests", "p50 ms", "p95 ms", "max ms"],
    section.results.map((result) => [result.messages.toLocaleString("en"), result.requests, result.p50Ms.toFixed(1), result.p95Ms.toFixed(1), result.maxMs.toFixed(1)]),
  );
}

function printUpload(upload: UploadSection) {
  if (upload.status !== "ok") {
    console.log(`\nUpload: ${upload.status} (${upload.detail})`);
    return;
  }
  table(
    `Upload into the documentation step, one file per request; budgets: memory growth ≤ ${budgets.uploadMemoryGrowthMb.max} MB, each file ≤ ${budgets.uploadSeconds.max} s`,
    ["file", "MiB", "seconds", "HTTP", "peak growth MB", "accepted"],
    upload.files.map((file) => [file.name, file.megabytes.toFixed(2), (file.ms / 1000).toFixed(2), file.httpStatus, file.peakGrowthMb, file.accepted ? "yes" : "no"]),
  );
  console.log(`  portal process group RSS: ${upload.baselineMb} MB before, ${upload.peakMb} MB at the peak: growth ${upload.memoryGrowthMb} MB`);
}

function printFold(fold: FoldSection) {
  if (fold.status !== "ok") {
    console.log(`\nFold: ${fold.status} (${fold.detail})`);
    return;
  }
  table(
    `Fold (foldEventLog on generated logs, median); budgets: 10,000 events ≤ ${budgets.foldTenThousandMs.max} ms, and ≤ ${budgets.foldGrowthTenVsOneThousand.max} × the time for 1,000`,
    ["events", "median ms", "fastest ms", "runs", "folded"],
    fold.results.map((result) => [result.events, result.medianMs, result.minMs, result.runs, result.ok ? "yes" : "refused"]),
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("\nThe benchmark could not finish:", error);
    process.exit(2);
  },
);
