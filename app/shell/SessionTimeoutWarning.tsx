import { useFetcher, useLocation, useSubmit } from "@remix-run/react";
import { BodyLong, Button, Modal } from "@navikt/ds-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";

type SessionInfo = { endsAt: string; idleSeconds: number; warningSeconds: number };
type SessionStatus = { endsAt: string | null; extendable?: boolean };

/**
 * Warns before the server ends an idle session (WCAG 2.2.1) and lets the person continue.
 * The server enforces the timeout on its own; this is a comfort that needs JavaScript.
 */
export function SessionTimeoutWarning({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const location = useLocation();
  const submit = useSubmit();
  const extend = useFetcher<SessionStatus>();
  const [endsAt, setEndsAt] = useState(() => new Date(session.endsAt));
  const [open, setOpen] = useState(false);
  const [atLimit, setAtLimit] = useState(false);

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

  return (
    <Modal
      open={open}
      onClose={() => setOpen(false)}
      header={{ heading: t("session.warningTitle"), closeButton: false }}
      width="small"
    >
      <Modal.Body>
        <BodyLong>{t("session.warningBody", { time: format.time(endsAt) })}</BodyLong>
        {atLimit ? <BodyLong spacing>{t("session.atLimit")}</BodyLong> : null}
      </Modal.Body>
      <Modal.Footer>
        <extend.Form method="post" action="/api/sesjon">
          <Button type="submit" loading={extend.state !== "idle"} disabled={atLimit}>
            {t("session.continue")}
          </Button>
        </extend.Form>
        <form method="post" action={`/${language}/logg-ut`}>
          <Button type="submit" variant="secondary">
            {t("shell.logout")}
          </Button>
        </form>
      </Modal.Footer>
    </Modal>
  );
}
