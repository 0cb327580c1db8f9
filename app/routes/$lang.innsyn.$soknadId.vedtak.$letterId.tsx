import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Box, FormSummary, HStack, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { loadSoknadStatus, vedtakSummary } from "~/innsyn/innsyn.server";
import { VedtakKlager } from "~/klage/KlageParts";
import { klagerOfVedtak, loadKlager } from "~/klage/klager.server";
import { UtfallTag } from "~/innsyn/StatusParts";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { NavText } from "~/shell/NavText";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "innsyn:vedtakPage.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const soknadId = params.soknadId ?? "";
  const now = new Date();
  const status = await loadSoknadStatus(applicant.fnr, soknadId, now);
  if (status.kind !== "ok") return { kind: status.kind, soknadId } as const;
  const summary = vedtakSummary(status.soknad.view, params.letterId ?? "");
  if (!summary) throw new Response("Not Found", { status: 404 });
  const office = status.soknad.view.navKontor ? (status.offices[status.soknad.view.navKontor] ?? null) : null;
  const klager = await loadKlager(applicant.fnr, now, soknadId);
  return {
    kind: "ok",
    soknadId,
    summary,
    office: office ? { navn: office.navn, telefon: office.telefon } : null,
    klager: klager.kind === "ok" ? klagerOfVedtak(klager.klager, summary.vedtak.letterId) : null,
  } as const;
}

export default function VedtakPage() {
  const { t } = useTranslation("innsyn");
  const { t: tKlage } = useTranslation("klage-status");
  const data = useLoaderData<typeof loader>();
  const format = useFormat();
  const language = useLanguage();
  const back = (
    <Link as={RemixLink} to={`/${language}/innsyn/${data.soknadId}`}>
      {t("vedtakPage.back")}
    </Link>
  );
  if (data.kind !== "ok") {
    return (
      <Page title={t("vedtakPage.title")}>
        <Alert variant="error">{t(data.kind === "invalid" ? "statusPage.invalid" : "statusPage.unavailable")}</Alert>
        {back}
      </Page>
    );
  }
  const { summary, office, klager } = data;
  const letter = `/${language}/innsyn/${data.soknadId}/dokument/${summary.vedtak.letterId}`;
  const negative = summary.vedtak.utfall === "AVSLATT" || summary.vedtak.utfall === "AVVIST" || summary.vedtak.utfall === "DELVIS_INNVILGET";
  return (
    <Page title={t("vedtakPage.title")}>
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("vedtakPage.summary")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          {summary.sakTittel ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("vedtakPage.sak")}</FormSummary.Label>
              <FormSummary.Value>
                <NavText>{summary.sakTittel}</NavText>
                <NavText.Note />
              </FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
          <FormSummary.Answer>
            <FormSummary.Label>{t("vedtakPage.outcome")}</FormSummary.Label>
            <FormSummary.Value>
              <HStack gap="space-8" align="center" wrap>
                {summary.vedtak.utfall ? t(`utfallLong.${summary.vedtak.utfall}`) : t("vedtakPage.outcomeInLetter")}
                <UtfallTag utfall={summary.vedtak.utfall} />
              </HStack>
            </FormSummary.Value>
          </FormSummary.Answer>
          <FormSummary.Answer>
            <FormSummary.Label>{t("vedtakPage.date")}</FormSummary.Label>
            <FormSummary.Value>{format.date(summary.vedtak.fattet)}</FormSummary.Value>
          </FormSummary.Answer>
          {summary.granted.length > 0 ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("vedtakPage.granted")}</FormSummary.Label>
              <FormSummary.Value>
                <List>
                  {summary.granted.map((item, index) => (
                    <List.Item key={index}>
                      {item.beskrivelse ? <NavText>{item.beskrivelse}</NavText> : t("payments.untitled")}
                      {[
                        item.belop !== null ? format.money(item.belop) : null,
                        item.fom && item.tom ? t("payments.periodShort", { from: format.date(item.fom), to: format.date(item.tom) }) : null,
                      ]
                        .filter(Boolean)
                        .map((part) => `, ${part}`)
                        .join("")}
                    </List.Item>
                  ))}
                </List>
                {summary.granted.some((item) => item.beskrivelse) ? <NavText.Note /> : null}
              </FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
          {summary.period ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("vedtakPage.period")}</FormSummary.Label>
              <FormSummary.Value>{t("payments.periodShort", { from: format.date(summary.period.fom), to: format.date(summary.period.tom) })}</FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
          {summary.total !== null ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("vedtakPage.total")}</FormSummary.Label>
              <FormSummary.Value>{format.money(summary.total)}</FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
          {summary.vilkar.length > 0 ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("vedtakPage.vilkar")}</FormSummary.Label>
              <FormSummary.Value>
                <List>
                  {summary.vilkar.map((item, index) => (
                    <List.Item key={index}>
                      <NavText>{[item.tittel, item.beskrivelse].filter(Boolean).join(": ")}</NavText>
                    </List.Item>
                  ))}
                </List>
                <NavText.Note />
              </FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
        </FormSummary.Answers>
      </FormSummary>
      <BodyLong>{t("vedtakPage.letterIsBinding")}</BodyLong>
      <HStack gap="space-16" wrap>
        <Link href={letter}>{t("vedtakPage.openLetter")}</Link>
        <Link href={`${letter}?last-ned`}>{t("vedtakPage.download")}</Link>
      </HStack>
      <Section id="klage" title={t("vedtakPage.klageTitle")}>
        <BodyLong spacing>{t(negative ? "vedtakPage.klageBodyNegative" : "vedtakPage.klageBody", { date: format.date(summary.klagefrist) })}</BodyLong>
        <Box marginBlock="space-0 space-16">
          <VedtakKlager soknadId={data.soknadId} vedtakId={summary.vedtak.letterId} klager={klager} />
          {klager === null ? <BodyShort size="small">{tKlage("list.unavailable")}</BodyShort> : null}
        </Box>
        <BodyLong spacing>{office ? t("vedtakPage.klageHowOffice", { office: office.navn, phone: office.telefon }) : t("vedtakPage.klageHow")}</BodyLong>
        <BodyLong>{t("vedtakPage.klageStatsforvalter")}</BodyLong>
      </Section>
      {back}
    </Page>
  );
}
