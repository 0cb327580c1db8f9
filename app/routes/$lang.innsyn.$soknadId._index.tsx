import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Link } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { loadSoknadStatus } from "~/innsyn/innsyn.server";
import { PaymentList } from "~/innsyn/PaymentList";
import { Documents, OfficeContact, Requirements, SakList, StatusBanner, TaskBox, Timeline } from "~/innsyn/StatusParts";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "innsyn:statusPage.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return loadSoknadStatus(applicant.fnr, params.soknadId ?? "", new Date());
}

export default function SoknadStatusPage() {
  const { t } = useTranslation("innsyn");
  const data = useLoaderData<typeof loader>();
  const format = useFormat();
  const language = useLanguage();
  if (data.kind !== "ok") {
    return (
      <Page title={t("statusPage.title")}>
        <Alert variant="error">{t(data.kind === "invalid" ? "statusPage.invalid" : "statusPage.unavailable")}</Alert>
        <Link as={RemixLink} to={`/${language}/mine-soknader`}>
          {t("statusPage.back")}
        </Link>
      </Page>
    );
  }
  const { soknad, offices } = data;
  const { view } = soknad;
  return (
    <Page title={t("statusPage.title")}>
      {soknad.sendtTidspunkt ? <BodyShort>{t("statusPage.sent", { date: format.dateTime(soknad.sendtTidspunkt) })}</BodyShort> : null}
      <StatusBanner view={view} offices={offices} />
      <TaskBox view={view} />
      {view.tasks.some((task) => !task.done) ? <BodyLong>{t("tasks.howToSend")}</BodyLong> : null}
      <SakList view={view} soknadId={soknad.id} />
      <Requirements view={view} />
      {view.utbetalinger.length > 0 ? (
        <Section id="payments" title={t("payments.title")}>
          <PaymentList payments={view.utbetalinger} />
          <BodyLong>
            <Link as={RemixLink} to={`/${language}/utbetalinger`}>
              {t("payments.all")}
            </Link>
          </BodyLong>
        </Section>
      ) : null}
      <Documents view={view} soknadId={soknad.id} soknadPdfId={soknad.soknadPdfId} sendt={soknad.sendtTidspunkt} />
      <Timeline view={view} soknadId={soknad.id} offices={offices} />
      <OfficeContact view={view} offices={offices} />
      <Link as={RemixLink} to={`/${language}/mine-soknader`}>
        {t("statusPage.back")}
      </Link>
    </Page>
  );
}
