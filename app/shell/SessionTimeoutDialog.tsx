import type { FetcherWithComponents } from "@remix-run/react";
import { BodyLong, Button, Modal } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";

export type SessionStatus = { endsAt: string | null; extendable?: boolean };

/**
 * The dialog of SessionTimeoutWarning. In a chunk of its own (Aksel's Modal and its dialog
 * polyfill are about a fifth of the shell's JavaScript): the warning loads it once the page is
 * idle, long before it can be needed, and renders it when the warning opens.
 */
export default function SessionTimeoutDialog({
  open,
  onClose,
  endsAt,
  atLimit,
  extend,
}: {
  open: boolean;
  onClose: () => void;
  endsAt: Date;
  atLimit: boolean;
  extend: FetcherWithComponents<SessionStatus>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  return (
    <Modal open={open} onClose={onClose} header={{ heading: t("session.warningTitle"), closeButton: false }} width="small">
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
