import { useFetcher, useLocation, useSubmit } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { useLanguage } from "~/i18n/use-language";
import type { SessionStatus } from "./SessionTimeoutDialog";

type SessionInfo = { endsAt: string; idleSeconds: number; warningSeconds: number };

const loadDialog = () => import("./SessionTimeoutDialog");
const SessionTimeoutDialog = lazy(loadDialog);

/**
 * Warns before the server ends an idle session (WCAG 2.2.1) and lets the person continue.
 * The server enforces the timeout on its own; this is a comfort that needs JavaScript.
 */
export function SessionTimeoutWarning({ session }: { session: SessionInfo }) {
  const language = useLanguage();
  const location = useLocation();
  const submit = useSubmit();
  const extend = useFetcher<SessionStatus>();
  const [endsAt, setEndsAt] = useState(() => new Date(session.endsAt));
  const [open, setOpen] = useState(false);
  const [atLimit, setAtLimit] = useState(false);
  // Once opened, the dialog stays mounted (closed), as Aksel's Modal expects.
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);

  // The dialog's code, fetched when the page is idle: there when the warning opens, even offline.
  useEffect(() => {
    const preload = () => void loadDialog().catch(() => {});
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(preload, { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(preload, 2000);
    return () => clearTimeout(id);
  }, []);

  // Every page load counts as activity on the server, so the clock starts again.
  useEffect(() => {
    setEndsAt(new Date(session.endsAt));
  }, [session.endsAt, location.key]);

  useEffect(() => {
    if (extend.data?.endsAt) {
      const next = new Date(extend.data.endsAt);
      setAtLimit(extend.data.extendable === false);
      setEndsAt(next);
      if (extend.data.extendable !== false) setOpen(false);
    }
  }, [extend.data]);

  useEffect(() => {
    let cancelled = false;
    const logOut = () => submit({ reason: "inactive" }, { method: "post", action: `/${language}/logg-ut`, navigate: true });
    const warnAt = endsAt.getTime() - session.warningSeconds * 1000;
    const timers: number[] = [];
    const check = async (atEnd: boolean) => {
      // Another tab may have kept the session alive: ask the server before warning or leaving.
      try {
        const response = await fetch("/api/sesjon", { headers: { Accept: "application/json" } });
        const status = (await response.json()) as SessionStatus;
        if (cancelled) return;
        if (!status.endsAt) return logOut();
        const serverEnd = new Date(status.endsAt);
        if (serverEnd.getTime() > endsAt.getTime() + 1000) return setEndsAt(serverEnd);
      } catch {
        // Offline: fall back to the local clock.
      }
      if (atEnd) logOut();
      else setOpen(true);
    };
    timers.push(window.setTimeout(() => void check(false), Math.max(0, warnAt - Date.now())));
    timers.push(window.setTimeout(() => void check(true), Math.max(0, endsAt.getTime() - Date.now())));
    return () => {
      cancelled = true;
      timers.forEach((timer) => window.clearTimeout(timer));
    };
  }, [endsAt, session.warningSeconds, language, submit]);

  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <SessionTimeoutDialog open={open} onClose={() => setOpen(false)} endsAt={endsAt} atLimit={atLimit} extend={extend} />
    </Suspense>
  );
}
