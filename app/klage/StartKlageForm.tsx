/**
 * "Klag på vedtaket": a plain form that starts (or resumes) a complaint draft about one decision
 * of a søknad. A POST, because it creates a draft; it works without JavaScript.
 */
import { Form } from "@remix-run/react";
import { Button } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

export const START_KLAGE_FIELDS = { soknadId: "soknadId", vedtakId: "vedtakId" } as const;

export function StartKlageForm({ soknadId, vedtakId, variant = "secondary" }: { soknadId: string; vedtakId: string; variant?: "primary" | "secondary" }) {
  const { t } = useTranslation("klage");
  const language = useLanguage();
  return (
    <Form method="post" action={`/${language}/klage`}>
      <input type="hidden" name={START_KLAGE_FIELDS.soknadId} value={soknadId} />
      <input type="hidden" name={START_KLAGE_FIELDS.vedtakId} value={vedtakId} />
      <Button type="submit" variant={variant} size="small">
        {t("start.button")}
      </Button>
    </Form>
  );
}
