import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, Button, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { readForm } from "~/request-body.server";
import { shortApplicationReason, startSituation } from "~/soknad/start.server";
import { createDraft, submissionsLastDay } from "~/soknad/drafts.server";
import { MAX_SUBMISSIONS_PER_DAY } from "~/soknad/send.server";
import { firstStep } from "~/soknad/steps";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { GuidePanel } from "~/shell/GuidePanel";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "soknad:start.title");

/** Only people who can be served digitally get here; the others see their refusal on the front page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const [situation, short, sentToday] = await Promise.all([
    startSituation(applicant.fnr),
    shortApplicationReason(applicant.fnr),
    submissionsLastDay(applicant.fnr),
  ]);
  return { situation, short, sentToday, limit: MAX_SUBMISSIONS_PER_DAY };
}

/** "Start søknaden": a new draft, short when the person qualifies and chose it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const form = await readForm(request, "small");
  const wantsShort = form.get("kind") === "kort";
  const kind = wantsShort && (await shortApplicationReason(applicant.fnr)) ? "kort" : "standard";
  const draft = await createDraft(applicant.fnr, { kind, firstStep: firstStep(kind, {}) });
  return redirect(`/${params.lang}/soknad/${draft.id}/${draft.currentStep}`);
}

export default function ApplicationStart() {
  const { t } = useTranslation("soknad");
  const { situation, short, sentToday, limit } = useLoaderData<typeof loader>();
  const format = useFormat();
  const language = useLanguage();
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
      <BodyLong>
        {t("start.guide")}{" "}
        <Link as={RemixLink} to={`/${language}/veiviser/sosialhjelp`}>
          {t("start.guideLink")}
        </Link>
      </BodyLong>
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
      {sentToday >= limit ? (
        <Alert variant="warning">{t("start.limitReached")}</Alert>
      ) : (
        <VStack gap="space-16">
          {sentToday > 0 ? <Alert variant="info">{t("start.oneSent")}</Alert> : null}
        <VStack gap="space-16">
          {short ? (
            <Alert variant="info">
              {short.reason === "paid"
                ? t("start.short.paid", { date: format.date(short.date) })
                : t("start.short.planned", { date: format.date(short.date) })}
            </Alert>
          ) : null}
          <Form method="post">
            <VStack gap="space-16" align="start">
              {short ? (
                <Button type="submit" name="kind" value="kort">
                  {t("start.short.start")}
                </Button>
              ) : null}
              <Button type="submit" name="kind" value="standard" variant={short ? "secondary" : "primary"}>
                {t("start.begin")}
              </Button>
            </VStack>
          </Form>
        </VStack>
        </VStack>
      )}
    </Page>
  );
}
