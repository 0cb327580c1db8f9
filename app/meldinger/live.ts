/**
 * With JavaScript, a conversation stays current without a reload: every POLL_MS while the tab is
 * visible (never while it is hidden, and at once when it becomes visible after a pause) the page
 * asks `…/nytt?etter=<newest>` for what has come since, adds it at the top, announces the
 * office's new messages in a polite live region, and shows when the office has read the person's. The poll reads the session without counting as
 * activity, so an open tab on a shared PC still times out, and marks nothing read (nobody may be
 * looking): that happens at the next real visit. Polling rather than server-sent events: nothing
 * held open per person on the server or through proxies (docs/decisions/025).
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageView } from "./samtaler.server";

export const POLL_MS = 30_000;

type Arrived = MessageView & { isNew?: boolean };

export function useLiveConversation({
  conversationId,
  enabled,
  messages,
  office,
  pollUrl,
}: {
  conversationId: string;
  /** On the newest page of a conversation only. */
  enabled: boolean;
  /** The messages the page was loaded with, newest first. */
  messages: readonly Arrived[];
  office: string;
  pollUrl: string;
}): { arrived: Arrived[]; readAt: Readonly<Record<string, string>>; announcement: string } {
  const { t } = useTranslation("meldinger");
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [arrived, setArrived] = useState<Arrived[]>([]);
  const [readAt, setReadAt] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");

  // New page data (a send, a reload, another conversation) has everything: start again from it.
  const loadedKey = `${conversationId}|${messages[0]?.id ?? ""}`;
  useEffect(() => {
    setArrived([]);
    setReadAt({});
  }, [loadedKey]);

  const newest = useRef<string | null>(null);
  newest.current = arrived[0]?.id ?? messages[0]?.id ?? null;
  const say = useRef({ t, office });
  say.current = { t, office };

  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    let stopped = false;
    let running = false;
    const poll = async () => {
      if (stopped || running || document.visibilityState !== "visible") return;
      running = true;
      last = Date.now();
      try {
        const url = `${pollUrl}${newest.current ? `?etter=${encodeURIComponent(newest.current)}` : ""}`;
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        // The session is over: the timeout warning and the next navigation take it from here.
        if (response.status === 401 || response.status === 404) stopped = true;
        if (!response.ok) return;
        const answer = (await response.json()) as { messages: Arrived[]; reload: boolean; read: Record<string, string> };
        if (answer.reload) return revalidate.current();
        setReadAt((earlier) => (Object.keys(answer.read).every((id) => earlier[id]) ? earlier : { ...earlier, ...answer.read }));
        if (answer.messages.length === 0) return;
        setArrived((earlier) => [...answer.messages.filter((message) => !earlier.some((known) => known.id === message.id)), ...earlier]);
        const fromOffice = answer.messages.filter((message) => message.fromOffice).length;
        if (fromOffice > 0) setAnnouncement(say.current.t("live.new", { count: fromOffice, office: say.current.office }));
      } catch {
        // Offline for a moment: the next poll tries again.
      } finally {
        running = false;
      }
    };
    const timer = window.setInterval(poll, POLL_MS);
    const onVisibility = () => {
      if (document.visibilityState === "visible" && Date.now() - last >= POLL_MS) void poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [enabled, pollUrl, conversationId]);

  return { arrived, readAt, announcement };
}
