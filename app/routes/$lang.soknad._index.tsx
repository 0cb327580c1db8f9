import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, GuidePanel, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { startSituation } from "~/soknad/start.server";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "soknad:start.title");

/** Only people who can be served digitally get here; the others see their refusal on the front page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return { situation: await startSituation(applicant.fnr) };
}

export default function ApplicationStart() {
  const { t } = useTranslation("soknad");
  const { situation } = useLoaderData<typeof loader>();
  if (situation.kind === "no-digital") {
    return (
      <Page title={t("start.title")}>
        <Alert variant="warning">
          <BodyLong spacing>{t("start.noDigital.body", { office: situation.office.navn, municipality: situation.office.kommunenavn })}</BodyLong>
          <BodyLong>{t("start.noDigital.contact", { phone: situation.office.telefon })}</BodyLong>
        </Alert>
      </Page>
    );
  }
  return (
    <Page title={t("start.title")}>
      {situation.kind === "unavailable" ? <Alert variant="error">{t("start.unavailable")}</Alert> : null}
      <GuidePanel>
        <BodyLong>{t("start.intro")}</BodyLong>
      </GuidePanel>
      <Section id="start-steps" title={t("start.steps.title")}>
        <List>
          <List.Item>{t("start.steps.about")}</List.Item>
          <List.Item>{t("start.steps.need")}</List.Item>
          <List.Item>{t("start.steps.situation")}</List.Item>
          <List.Item>{t("start.steps.money")}</List.Item>
          <List.Item>{t("start.steps.documents")}</List.Item>
          <List.Item>{t("start.steps.send")}</List.Item>
        </List>
        <BodyLong>{t("start.steps.time")}</BodyLong>
      </Section>
      <Section id="start-registers" title={t("start.registers.title")}>
        <BodyLong spacing>{t("start.registers.intro")}</BodyLong>
        <List>
          <List.Item>{t("start.registers.folkeregister")}</List.Item>
          <List.Item>{t("start.registers.krr")}</List.Item>
          <List.Item>{t("start.registers.kontoregister")}</List.Item>
          <List.Item>{t("start.registers.aareg")}</List.Item>
          <List.Item>{t("start.registers.nav")}</List.Item>
        </List>
        <BodyLong>{t("start.registers.consent")}</BodyLong>
      </Section>
      <Section id="start-draft" title={t("start.draft.title")}>
        <BodyLong>{t("start.draft.body")}</BodyLong>
      </Section>
      {situation.kind === "ready" && situation.office ? (
        <BodyLong>{t("start.office", { office: situation.office.navn, municipality: situation.office.kommunenavn })}</BodyLong>
      ) : null}
      <Alert variant="info">{t("start.notReady")}</Alert>
    </Page>
  );
}
