/**
 * A conversation with 10,000 messages against one with 10: the time until the whole page has
 * arrived (sequential GETs on loopback, so it is the server's time: the portal's, with its one
 * call for the newest page to the fagsystem mock in its own process). The page shows the newest
 * 20, so a long history must not make it slower. The sizes are taken by turns, one request each,
 * so other work on the machine weighs on all of them alike.
 */
import { performance } from "node:perf_hooks";
import { BASE_URL, conversationRequests, conversationSizes, conversationWarmUp } from "../config";
import { personWithConversation } from "../portal";

export interface ConversationTiming {
  messages: number;
  path: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export type ConversationSection = { status: "ok"; results: ConversationTiming[] } | { status: "error"; detail: string };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const round = (ms: number) => Number(ms.toFixed(1));

export async function runConversations(): Promise<ConversationSection> {
  try {
    const pages: { messages: number; cookie: string; path: string; times: number[] }[] = [];
    for (const messages of conversationSizes) {
      const { session, samtaleId } = await personWithConversation(messages);
      pages.push({ messages, cookie: session.cookie, path: `/nb/meldinger/${samtaleId}`, times: [] });
    }
    const load = async (page: { messages: number; cookie: string; path: string }) => {
      const started = performance.now();
      const response = await fetch(`${BASE_URL}${page.path}`, { headers: { Cookie: page.cookie }, redirect: "manual" });
      const html = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${page.path} (${page.messages} messages) answered ${response.status}`);
      return { ms, html };
    };
    // What is measured is the page with the newest 20 and, where there are more, the link to older ones.
    for (const page of pages) {
      const { html } = await load(page);
      const shown = html.match(/<li id="melding-/g)?.length ?? 0;
      if (shown !== Math.min(page.messages, 20)) throw new Error(`${page.path} shows ${shown} messages, not the newest ${Math.min(page.messages, 20)} of ${page.messages}`);
      if (page.messages > 20 && !html.includes("?eldre=")) throw new Error(`${page.path} has no link to older messages`);
    }
    for (let turn = 0; turn < conversationWarmUp; turn++) for (const page of pages) await load(page);
    for (let turn = 0; turn < conversationRequests; turn++) for (const page of pages) page.times.push((await load(page)).ms);
    return {
      status: "ok",
      results: pages.map((page) => {
        const sorted = [...page.times].sort((a, b) => a - b);
        return { messages: page.messages, path: page.path, requests: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1) ?? NaN) };
      }),
    };
  } catch (error) {
    return { status: "error", detail: error instanceof Error ? error.message : String(error) };
  }
}
