/**
 * With JavaScript, a conversation stays current without a reload: its data is asked for again
 * every POLL_MS while the tab is visible (never while it is hidden, and at once when it becomes
 * visible after a pause), and new messages from the office are announced in a polite live region.
 * Polling rather than server-sent events: one more GET of a page that is already cheap, through
 * every proxy, with nothing held open on the server (docs/decisions/025).
 */
import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export const POLL_MS = 30_000;

export function useLiveConversation({
  conversationId,
  enabled,
  officeMessageIds,
  office,
}: {
  conversationId: string;
  /** On the newest page of a conversation only. */
  enabled: boolean;
  officeMessageIds: readonly string[];
  office: string;
}): string {
  const { t } = useTranslation("meldinger");
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = useRef(false);
  busy.current = revalidator.state !== "idle" || navigation.state !== "idle";
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    const poll = () => {
      if (document.visibilityState !== "visible" || busy.current) return;
      last = Date.now();
      revalidate.current();
    };
    const timer = window.setInterval(poll, POLL_MS);
    const onVisibility = () => {
      if (document.visibilityState === "visible" && Date.now() - last >= POLL_MS) poll();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [enabled]);

  // The office's messages already seen on this page; any others that arrive are announced.
  // Another conversation, or paging to older messages and back, starts the count again.
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef<{ scope: string; ids: Set<string> } | null>(null);
  const scope = enabled ? conversationId : "";
  const key = officeMessageIds.join(",");
  useEffect(() => {
    const ids = key ? key.split(",") : [];
    if (seen.current?.scope !== scope) {
      seen.current = { scope, ids: new Set(ids) };
      return;
    }
    const known = seen.current.ids;
    const fresh = ids.filter((id) => !known.has(id));
    for (const id of fresh) known.add(id);
    if (fresh.length > 0 && scope) setAnnouncement(t("live.new", { count: fresh.length, office }));
  }, [scope, key, office, t]);
  return announcement;
}
