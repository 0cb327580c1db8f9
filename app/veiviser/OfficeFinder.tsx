import { Form } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, Heading, Link, List, TextField, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { municipalities } from "./municipalities";
import type { OfficeLookup } from "./office.server";

/**
 * "Find your NAV office": a GET form (the page itself answers it, with or without JavaScript) and
 * the office's phone and opening hours. A logged-in person sees their own office without asking.
 */
export function OfficeFinder({ lookup, action }: { lookup: OfficeLookup; action: string }) {
  const { t } = useTranslation("veiviser");
  const unknown = lookup.kind === "unknown";
  return (
    <section aria-labelledby="office-heading" className="card guide-box">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="office-heading">
          {t("office.title")}
        </Heading>
        {lookup.kind === "found" ? (
          <VStack gap="space-8" aria-live="polite">
            {lookup.own ? <BodyLong>{t("office.own", { municipality: lookup.office.kommunenavn })}</BodyLong> : null}
            <Heading level="3" size="small">
              {t("office.name", { office: lookup.office.navn, municipality: lookup.office.kommunenavn })}
            </Heading>
            <BodyShort>
              {t("office.phone")} <Link href={`tel:+47${lookup.office.telefon.replace(/\s/g, "")}`}>{lookup.office.telefon}</Link>
            </BodyShort>
            <BodyShort>{t("office.hours")}</BodyShort>
            <List size="small">
              {lookup.office.apningstider.map((hours) => (
                <List.Item key={hours.dag}>{t("office.day", { day: t(`office.weekday.${hours.dag}`), from: hours.fra, to: hours.til })}</List.Item>
              ))}
            </List>
            <BodyLong>{t("office.sameDay")}</BodyLong>
          </VStack>
        ) : null}
        {lookup.kind === "unavailable" ? <Alert variant="warning">{t("office.unavailable")}</Alert> : null}
        <Form method="get" action={action} preventScrollReset>
          <VStack gap="space-16" align="start">
            <TextField
              key={lookup.query}
              name="kommune"
              label={lookup.kind === "found" ? t("office.otherLabel") : t("office.label")}
              description={t("office.description")}
              defaultValue={lookup.query}
              autoComplete="address-level2"
              maxLength={60}
              list="guide-municipalities"
              error={unknown ? t("office.unknown", { query: lookup.query }) : undefined}
            />
            <datalist id="guide-municipalities">
              {municipalities.map((municipality) => (
                <option key={municipality.number} value={municipality.name} />
              ))}
            </datalist>
            <Button type="submit" variant="secondary">
              {t("office.submit")}
            </Button>
          </VStack>
        </Form>
      </VStack>
    </section>
  );
}
