import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, BodyShort, HStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { StaffView } from "~/innsyn/audience";
import { PaymentList } from "~/innsyn/PaymentList";
import { Documents, Requirements, SakList, StatusBanner, TaskBox, Timeline } from "~/innsyn/StatusParts";
import { useFormat } from "~/i18n/use-language";
import { KlageList } from "~/klage/KlageParts";
import { loadSoknad, statusOf } from "~/nks/nks.server";
import { BlockedPage, DocumentGroups, Shortcuts, SoknadConversation, StaffNav } from "~/nks/NksParts";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "nks:soknad.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer = await loadSoknad(request, params.lookupId ?? "", params.soknadId ?? "");
  return data(answer, { status: statusOf(answer) });
}

/**
 * One søknad on one screen, read-only: the person's own status parts in their staff variant (no
 * letter, document or message opens from here), with complaints, documents and the conversation
 * as metadata.
 */
export default function StaffSoknad() {
  const { t } = useTranslation("nks");
  const { t: tInnsyn } = useTranslation("innsyn");
  const format = useFormat();
  const answer = useLoaderData<typeof loader>();
  if (answer.kind !== "ok") return <BlockedPage title={t("soknad.title")} answer={answer} />;
  const { status, lookupId } = answer;
  if (status.kind !== "ok") {
    return (
      <Page title={t("soknad.title")} wide>
        <StaffNav lookupId={lookupId} />
        <Alert variant="error">{t(status.kind === "invalid" ? "soknad.invalid" : "soknad.unavailable")}</Alert>
      </Page>
    );
  }
  const { soknad, offices } = status;
  const { view } = soknad;
  const jumpTo = [
    { id: "saker", label: tInnsyn("saker.title") },
    { id: "payments", label: tInnsyn("payments.title") },
    { id: "dokumenter", label: t("soknad.documents") },
    { id: "timeline-heading", label: tInnsyn("timeline.title") },
  ];
  return (
    <Page title={`${t("soknad.title")}: ${answer.name}`} wide gap="space-16">
      <StaffNav lookupId={lookupId} jumpTo={jumpTo} />
      <HStack gap="space-16" wrap>
        {soknad.kanal === "PAPIR" ? <BodyShort weight="semibold">{t("soknad.paper")}</BodyShort> : null}
        {soknad.sendtTidspunkt && soknad.kanal !== "PAPIR" ? <BodyShort>{t("soknad.sent", { date: format.dateTime(soknad.sendtTidspunkt) })}</BodyShort> : null}
        {answer.received ? <BodyShort>{t("soknad.received", { date: format.dateTime(answer.received) })}</BodyShort> : null}
      </HStack>
      <BodyShort>{t("readOnly")}</BodyShort>
      <StaffView>
        <div className="nks-columns">
          <div className="nks-main">
            <StatusBanner view={view} offices={offices} />
            <TaskBox view={view} />
            <SakList view={view} soknadId={soknad.id} />
            <KlageList klager={answer.klager ?? []} unavailable={answer.klager === null} />
            <Requirements view={view} />
            <Section id="payments" title={tInnsyn("payments.title")}>
              {view.utbetalinger.length > 0 ? <PaymentList payments={view.utbetalinger} /> : <BodyShort>{t("soknad.paymentsNone")}</BodyShort>}
            </Section>
          </div>
          <div className="nks-side">
            <DocumentGroups groups={answer.documents} />
            <Documents view={view} soknadId={soknad.id} soknadPdfId={null} sendt={soknad.sendtTidspunkt} uploaded={[]} />
            <SoknadConversation conversation={answer.conversation} />
            <Timeline view={view} soknadId={soknad.id} offices={offices} />
            <Shortcuts withOverview />
          </div>
        </div>
      </StaffView>
    </Page>
  );
}
