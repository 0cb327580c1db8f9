import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Heading, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { attachmentsOf, ettersend } from "~/innsyn/ettersendelse.server";
import { kravKey, missingKey, taskKey } from "~/innsyn/upload-keys";
import { OTHER_DOCUMENTS } from "~/vedlegg/limits";
import { loadSoknadStatus } from "~/innsyn/innsyn.server";
import { KlageList, VedtakKlager } from "~/klage/KlageParts";
import { loadKlager } from "~/klage/klager.server";
import { PaymentList } from "~/innsyn/PaymentList";
import { SoknadMessages } from "~/meldinger/MessageParts";
import { conversationOfSoknad } from "~/meldinger/samtaler.server";
import { Documents, OfficeContact, Requirements, SakList, StatusBanner, TaskBox, Timeline } from "~/innsyn/StatusParts";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { documentRule, isDocumentId } from "~/soknad/rules";
import { pageTitle } from "~/shell/meta";
import { NavText } from "~/shell/NavText";
import { Page, Section } from "~/shell/Page";
import { UploadField } from "~/vedlegg/UploadField";
import type { UploadOutcome } from "~/vedlegg/upload.server";

export const meta: MetaFunction = (args) => pageTitle(args, "innsyn:statusPage.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const soknadId = params.soknadId ?? "";
  const now = new Date();
  const status = await loadSoknadStatus(applicant.fnr, soknadId, now);
  if (status.kind !== "ok") return { ...status, attachments: null, klager: null, conversation: null };
  const [attachments, klager, conversation] = await Promise.all([
    attachmentsOf(applicant.fnr, soknadId, params.lang ?? "nb"),
    loadKlager(applicant.fnr, now, soknadId),
    conversationOfSoknad(applicant.fnr, soknadId),
  ]);
  return { ...status, attachments, klager, conversation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return ettersend(request, applicant.fnr, params.soknadId ?? "");
}

/** One upload place on the status page: its own multipart form, so it works without JavaScript. */
function UploadForm({ documentKey, label, files, uploads }: { documentKey: string; label: string; files: React.ComponentProps<typeof UploadField>["files"]; uploads?: UploadOutcome[] }) {
  return (
    <Form method="post" encType="multipart/form-data">
      <UploadField documentKey={documentKey} label={label} files={files} outcomes={uploads} canDelete={false} embedded={false} />
    </Form>
  );
}

export default function SoknadStatusPage() {
  const { t } = useTranslation("innsyn");
  const { t: tDocuments } = useTranslation("soknad-documents");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  // A letter or file that could not be fetched sends the person here (see the dokument route).
  const documentUnavailable = searchParams.get("dokument") === "utilgjengelig" ? <Alert variant="error">{t("statusPage.documentUnavailable")}</Alert> : null;
  if (data.kind !== "ok") {
    return (
      <Page title={t("statusPage.title")}>
        {documentUnavailable}
        <Alert variant="error">{t(data.kind === "invalid" ? "statusPage.invalid" : "statusPage.unavailable")}</Alert>
        <Link as={RemixLink} to={`/${language}/mine-soknader`}>
          {t("statusPage.back")}
        </Link>
      </Page>
    );
  }
  const { soknad, offices, attachments, klager, conversation } = data;
  const klageList = klager?.kind === "ok" ? klager.klager : null;
  const { view } = soknad;
  const uploads = actionData?.uploads;
  const files = attachments?.files ?? [];
  const filesOfType = (type: string) => files.filter((file) => file.type === type);
  const documentTitle = (type: string) => (isDocumentId(type) ? tDocuments(documentRule(type).title) : type);
  const relevantKrav = view.dokumentasjonkrav.filter((krav) => krav.status === "RELEVANT");
  return (
    <Page title={t("statusPage.title")}>
      {documentUnavailable}
      {soknad.sendtTidspunkt ? <BodyShort>{t("statusPage.sent", { date: format.dateTime(soknad.sendtTidspunkt) })}</BodyShort> : null}
      <StatusBanner view={view} offices={offices} />
      <TaskBox view={view}>
        {(task, index) => <UploadForm documentKey={taskKey(task, index)} label={task.dokumenttype} files={filesOfType(task.dokumenttype)} uploads={uploads} />}
      </TaskBox>
      {attachments && attachments.missing.length > 0 ? (
        <Section id="missing" title={t("ettersend.missingTitle")}>
          <BodyLong spacing>{t("ettersend.missingBody")}</BodyLong>
          <VStack as="ul" gap="space-16" className="plain-list">
            {attachments.missing.map((document) => (
              <li key={document.type} className="card">
                <Heading level="3" size="xsmall" spacing>
                  {documentTitle(document.type)}
                </Heading>
                <UploadForm documentKey={missingKey(document.type)} label={documentTitle(document.type)} files={[]} uploads={uploads} />
              </li>
            ))}
          </VStack>
        </Section>
      ) : null}
      <SakList view={view} soknadId={soknad.id} besideVedtak={(vedtak) => <VedtakKlager soknadId={soknad.id} vedtakId={vedtak.letterId} klager={klageList} />} />
      <KlageList klager={klageList ?? []} unavailable={klageList === null} />
      <Requirements view={view} />
      {relevantKrav.length > 0 ? (
        <Section id="krav-upload" title={t("ettersend.kravTitle")}>
          <VStack as="ul" gap="space-16" className="plain-list">
            {relevantKrav.map((krav) => (
              <li key={krav.referanse} className="card">
                <Heading level="3" size="xsmall" spacing>
                  {krav.tittel ? <NavText>{krav.tittel}</NavText> : t("krav.kravUntitled")}
                </Heading>
                {krav.tittel ? <NavText.Note /> : null}
                <UploadForm documentKey={kravKey(krav.referanse)} label={krav.tittel ?? t("krav.kravUntitled")} files={filesOfType(krav.tittel ?? "dokumentasjonkrav")} uploads={uploads} />
              </li>
            ))}
          </VStack>
        </Section>
      ) : null}
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
      {attachments?.unavailable ? <Alert variant="warning">{t("statusPage.attachmentsUnavailable")}</Alert> : null}
      {conversation ? <SoknadMessages conversation={conversation} base={`/${language}/meldinger`} /> : null}
      <Documents view={view} soknadId={soknad.id} soknadPdfId={soknad.soknadPdfId} sendt={soknad.sendtTidspunkt} uploaded={files} />
      <Section id="other-upload" title={t("ettersend.otherTitle")}>
        <BodyLong spacing>{t("ettersend.otherBody")}</BodyLong>
        <UploadForm documentKey={OTHER_DOCUMENTS} label={t("ettersend.otherDocuments")} files={[]} uploads={uploads} />
      </Section>
      <Timeline view={view} soknadId={soknad.id} offices={offices} />
      <OfficeContact view={view} offices={offices} />
      <Link as={RemixLink} to={`/${language}/mine-soknader`}>
        {t("statusPage.back")}
      </Link>
    </Page>
  );
}
