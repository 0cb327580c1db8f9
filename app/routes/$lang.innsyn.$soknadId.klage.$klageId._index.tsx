import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Heading, HStack, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { UtfallTag } from "~/innsyn/StatusParts";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { KlageStateBanner, KlageTimeline } from "~/klage/KlageParts";
import { KLAGE_DOCUMENT } from "~/klage/files";
import { ettersendKlage, loadKlage } from "~/klage/klager.server";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";
import { UploadField } from "~/vedlegg/UploadField";

export const meta: MetaFunction = (args) => pageTitle(args, "klage-status:page.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return loadKlage(applicant.fnr, params.soknadId ?? "", params.klageId ?? "", new Date());
}

/** More files for the complaint (multipart, one upload field). */
export async function action({ request, params }: ActionFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return ettersendKlage(request, applicant.fnr, params.soknadId ?? "", params.klageId ?? "");
}

export default function KlagePage() {
  const { t } = useTranslation("klage-status");
  const { t: tInnsyn } = useTranslation("innsyn");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  const soknadPath = `/${language}/innsyn/${data.kind === "ok" ? data.klage.soknadId : data.soknadId}`;
  const back = (
    <Link as={RemixLink} to={soknadPath}>
      {t("page.back")}
    </Link>
  );
  if (data.kind !== "ok") {
    return (
      <Page title={t("page.title")}>
        <Alert variant="error">{t(data.kind === "invalid" ? "page.invalid" : "page.unavailable")}</Alert>
        {back}
      </Page>
    );
  }
  const { klage, vedtak, knownVedtak } = data;
  const file = (id: string) => `${soknadPath}/dokument/${id}`;
  return (
    <Page title={t("page.title")}>
      {searchParams.has("trukket") ? (
        <Alert variant="success" role="status">
          {t("page.withdrawn")}
        </Alert>
      ) : null}
      <BodyShort>{t("page.sent", { date: format.dateTime(klage.sendt) })}</BodyShort>
      <KlageStateBanner klage={klage} />

      <Section id="vedtak" title={t("about.title", { count: vedtak.length })}>
        <VStack as="ul" gap="space-12" className="plain-list">
          {vedtak.map((item) => (
            <li key={item.letterId} className="card">
              <VStack gap="space-4">
                <HStack gap="space-8" align="center" wrap>
                  <Heading level="3" size="xsmall">
                    {item.fattet ? t("about.vedtak", { date: format.date(item.fattet) }) : t("about.vedtakNoDate")}
                  </Heading>
                  <UtfallTag utfall={item.utfall} />
                </HStack>
                {item.utfall ? <BodyLong>{tInnsyn(`utfallLong.${item.utfall}`)}</BodyLong> : null}
                <Link as={RemixLink} to={knownVedtak.includes(item.letterId) ? `${soknadPath}/vedtak/${item.letterId}` : file(item.letterId)}>
                  {t("about.open")}
                </Link>
              </VStack>
            </li>
          ))}
        </VStack>
      </Section>

      <KlageTimeline klage={klage} knownVedtak={knownVedtak} />

      <Section id="own-text" title={t("own.title")}>
        <BodyLong className="own-text" spacing>
          {klage.tekst}
        </BodyLong>
        {klage.forSentBegrunnelse ? (
          <>
            <Heading level="3" size="xsmall" spacing>
              {t("own.late")}
            </Heading>
            <BodyLong className="own-text">{klage.forSentBegrunnelse}</BodyLong>
          </>
        ) : null}
      </Section>

      <Section id="own-documents" title={t("own.documentsTitle")}>
        <List>
          <List.Item>
            <Link href={file(klage.klagePdfId)}>{t("own.pdf")}</Link>{" "}
            <BodyShort as="span" size="small">
              {format.date(klage.sendt)}
            </BodyShort>
          </List.Item>
          {klage.files.map((item) => (
            <List.Item key={item.id}>
              <Link href={file(item.id)} className="file-name">
                {item.filnavn}
              </Link>{" "}
              <BodyShort as="span" size="small">
                {t("own.uploaded", { date: format.date(item.lastetOpp) })}
              </BodyShort>
            </List.Item>
          ))}
        </List>
      </Section>

      {klage.open ? (
        <>
          <Section id="upload" title={t("upload.title")}>
            <BodyLong spacing>{t("upload.body")}</BodyLong>
            <Form method="post" encType="multipart/form-data">
              <UploadField documentKey={KLAGE_DOCUMENT} label={t("upload.label")} files={[]} outcomes={actionData?.uploads} canDelete={false} embedded={false} />
            </Form>
          </Section>
          <Section id="withdraw" title={t("withdraw.title")}>
            <BodyLong spacing>{t("withdraw.body")}</BodyLong>
            <Link as={RemixLink} to={`${soknadPath}/klage/${klage.klageId}/trekk`}>
              {t("withdraw.link")}
            </Link>
          </Section>
        </>
      ) : actionData?.uploads ? (
        // Decided while the page was open: the upload's answer says so here, as the form is gone.
        <Alert variant="warning" role="status">
          {t("upload.closed")}
        </Alert>
      ) : null}
      {back}
    </Page>
  );
}
