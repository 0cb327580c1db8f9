/**
 * A step of the complaint: progress, heading, the deadline, the error summary and one plain form
 * with "Forrige" / "Neste" / "Fortsett senere" that works without JavaScript. With JavaScript,
 * leaving a text field saves the step in the background; the server checks every submit.
 */
import { Form, Link as RemixLink, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, Checkbox, CheckboxGroup, FormSummary, HStack, Link, List, ReadMore, Textarea, VStack } from "@navikt/ds-react";
import { ArrowLeftIcon, ArrowRightIcon, PaperplaneIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MAX_KLAGE_LATE_REASON, MAX_KLAGE_TEXT } from "~/fagsystem/limits";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { focusOn } from "~/shell/focus";
import { Page } from "~/shell/Page";
import { StepProgress } from "~/soknad/StepProgress";
import { UploadField } from "~/vedlegg/UploadField";
import type { UploadOutcome } from "~/vedlegg/upload.server";
import { DecisionLabel, DecisionList } from "./DecisionLabel";
import { KLAGE_DOCUMENT } from "./files";
import { klagefrist } from "~/innsyn/klagefrist";
import { klageStepTitleKeys, klageSteps } from "./steps";
import type { loadKlageStep } from "./flow.server";

type StepData = Awaited<ReturnType<typeof loadKlageStep>>;
type ActionData = { errors?: Record<string, string>; values?: Record<string, string | string[]>; uploads?: UploadOutcome[]; saved?: true } | undefined;

/** The field's id, for labels and the error summary's links. */
const fieldId = (name: string) => `klage-${name}`;

export function KlageStepPage() {
  const { t } = useTranslation("klage");
  const data = useLoaderData<StepData>();
  const answer = useActionData() as ActionData;
  const format = useFormat();
  const language = useLanguage();
  const navigation = useNavigation();
  const autosave = useFetcher();
  const busy = navigation.state !== "idle";
  const base = `/${language}/klage/${data.klageId}`;
  const errors = answer?.errors ?? {};
  const values = answer?.values && !answer.saved ? answer.values : data.values;
  const value = (name: string) => {
    const found = values[name];
    return Array.isArray(found) ? (found[0] ?? "") : (found ?? "");
  };
  const summaryErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => field !== "form").map(([field, key]) => [field, t(key)]));
  const fieldIds = Object.fromEntries(Object.keys(summaryErrors).map((field) => [field, fieldId(field)]));

  const formError = useRef<HTMLDivElement>(null);
  const idle = navigation.state === "idle";
  useEffect(() => {
    if (idle && errors.form) focusOn(formError.current);
  }, [idle, errors.form]);

  // Leaving a text field saves what it holds, if it changed since the last save.
  const formRef = useRef<HTMLFormElement>(null);
  const saved = useRef<string | null>(null);
  const snapshot = (form: HTMLFormElement) => JSON.stringify([...new FormData(form)].filter(([name]) => name !== "intent").map(([name, item]) => [name, String(item)]));
  useEffect(() => {
    if (formRef.current) saved.current = snapshot(formRef.current);
  }, []);
  const saveOnBlur = (event: React.FocusEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (!formRef.current || !(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) || target.type === "file") return;
    const state = snapshot(formRef.current);
    if (state === saved.current) return;
    saved.current = state;
    const body = new FormData(formRef.current);
    body.set("intent", "autosave");
    autosave.submit(body, { method: "post", action: `${base}/${data.step}` });
  };

  const deadlineLine = data.deadline ? (
    <Alert variant={data.late ? "warning" : "info"} size="small">
      {t(data.late ? "deadline.passed" : "deadline.until", { date: format.date(data.deadline) })}
    </Alert>
  ) : null;

  if (data.unavailable && data.step === "vedtak") {
    return (
      <Page title={t(klageStepTitleKeys[data.step])}>
        <Alert variant="error">{t("errors.unavailable")}</Alert>
        <Link as={RemixLink} to={`${base}/vedtak`}>
          {t("tryAgain")}
        </Link>
      </Page>
    );
  }

  let fields: ReactNode = null;
  let multipart: ReactNode = null;
  switch (data.step) {
    case "vedtak": {
      const chosen = answer?.values && !answer.saved ? ([] as string[]).concat(answer.values.vedtakIds ?? []) : data.chosen;
      fields = (
        <CheckboxGroup legend={t("steps.vedtak.legend")} description={t("steps.vedtak.description")} error={errors.vedtakIds ? t(errors.vedtakIds) : undefined} defaultValue={chosen}>
          {data.decisions.map((decision, index) => (
            // The error summary's link goes to the first box (a link to the fieldset moves no focus), as in the søknad's steps.
            <Checkbox
              key={decision.letterId}
              id={index === 0 ? fieldId("vedtakIds") : undefined}
              name="vedtakIds"
              value={decision.letterId}
              description={t("deadline.short", { date: format.date(klagefrist(decision.fattet)) })}
            >
              <DecisionLabel decision={decision} />
            </Checkbox>
          ))}
        </CheckboxGroup>
      );
      break;
    }
    case "begrunnelse":
      fields = (
        <VStack gap="space-24">
          <ReadMore header={t("steps.begrunnelse.helpTitle")} defaultOpen>
            <List>
              <List.Item>{t("steps.begrunnelse.helpWrong")}</List.Item>
              <List.Item>{t("steps.begrunnelse.helpShould")}</List.Item>
              <List.Item>{t("steps.begrunnelse.helpUnknown")}</List.Item>
            </List>
          </ReadMore>
          <Textarea
            id={fieldId("tekst")}
            name="tekst"
            label={t("steps.begrunnelse.tekst")}
            description={t("steps.begrunnelse.tekstDescription")}
            maxLength={MAX_KLAGE_TEXT}
            minRows={8}
            defaultValue={value("tekst")}
            error={errors.tekst ? t(errors.tekst) : undefined}
          />
          {data.late ? (
            <Textarea
              id={fieldId("forSentBegrunnelse")}
              name="forSentBegrunnelse"
              label={t("steps.begrunnelse.late")}
              description={t("steps.begrunnelse.lateDescription")}
              maxLength={MAX_KLAGE_LATE_REASON}
              minRows={4}
              defaultValue={value("forSentBegrunnelse")}
              error={errors.forSentBegrunnelse ? t(errors.forSentBegrunnelse) : undefined}
            />
          ) : null}
        </VStack>
      );
      break;
    case "vedlegg":
      fields = <BodyLong>{t("steps.vedlegg.optional", { count: data.maxFiles })}</BodyLong>;
      multipart = (
        <Form method="post" action={`${base}/vedlegg`} encType="multipart/form-data">
          <UploadField documentKey={KLAGE_DOCUMENT} label={t("steps.vedlegg.label")} files={data.files} outcomes={answer?.uploads} canDelete embedded={false} maxFiles={data.maxFiles} />
        </Form>
      );
      break;
    case "oppsummering":
      fields = (
        <VStack gap="space-24">
          <FormSummary>
            <FormSummary.Header>
              <FormSummary.Heading level="2">{t("steps.vedtak.title")}</FormSummary.Heading>
            </FormSummary.Header>
            <FormSummary.Answers>
              <FormSummary.Answer>
                <FormSummary.Label>{t("summary.decisions")}</FormSummary.Label>
                <FormSummary.Value>
                  <DecisionList decisions={data.decisions.filter((decision) => data.chosen.includes(decision.letterId))} />
                </FormSummary.Value>
              </FormSummary.Answer>
            </FormSummary.Answers>
            <FormSummary.EditLink as={RemixLink} to={`${base}/vedtak?tilbake=oppsummering`} />
          </FormSummary>
          <FormSummary>
            <FormSummary.Header>
              <FormSummary.Heading level="2">{t("steps.begrunnelse.title")}</FormSummary.Heading>
            </FormSummary.Header>
            <FormSummary.Answers>
              <FormSummary.Answer>
                <FormSummary.Label>{t("summary.tekst")}</FormSummary.Label>
                <FormSummary.Value>
                  <span className="pre-wrap">{data.answers.tekst}</span>
                </FormSummary.Value>
              </FormSummary.Answer>
              {data.answers.forSentBegrunnelse ? (
                <FormSummary.Answer>
                  <FormSummary.Label>{t("summary.late")}</FormSummary.Label>
                  <FormSummary.Value>
                    <span className="pre-wrap">{data.answers.forSentBegrunnelse}</span>
                  </FormSummary.Value>
                </FormSummary.Answer>
              ) : null}
            </FormSummary.Answers>
            <FormSummary.EditLink as={RemixLink} to={`${base}/begrunnelse?tilbake=oppsummering`} />
          </FormSummary>
          <FormSummary>
            <FormSummary.Header>
              <FormSummary.Heading level="2">{t("steps.vedlegg.title")}</FormSummary.Heading>
            </FormSummary.Header>
            <FormSummary.Answers>
              <FormSummary.Answer>
                <FormSummary.Label>{t("summary.files")}</FormSummary.Label>
                <FormSummary.Value>
                  {data.files.length > 0 ? (
                    <List>
                      {data.files.map((file) => (
                        <List.Item key={file.id}>{file.name}</List.Item>
                      ))}
                    </List>
                  ) : (
                    t("summary.noFiles")
                  )}
                </FormSummary.Value>
              </FormSummary.Answer>
            </FormSummary.Answers>
            <FormSummary.EditLink as={RemixLink} to={`${base}/vedlegg`} />
          </FormSummary>
          {data.late ? <Alert variant="warning">{t("summary.lateNote")}</Alert> : null}
          <BodyLong>{t("summary.whatHappens")}</BodyLong>
        </VStack>
      );
      break;
  }

  return (
    <Page title={t(klageStepTitleKeys[data.step])}>
      <StepProgress total={data.position.total} active={data.position.number}>
        {klageSteps.map((step) => (
          <StepProgress.Step key={step}>{t(klageStepTitleKeys[step])}</StepProgress.Step>
        ))}
      </StepProgress>
      {deadlineLine}
      {errors.form ? (
        <Alert variant="error" ref={formError}>
          {t(errors.form)}
        </Alert>
      ) : null}
      {data.unavailable ? <Alert variant="warning">{t("errors.unavailable")}</Alert> : null}
      <FormErrorSummary errors={summaryErrors} fieldIds={fieldIds} />
      {multipart}
      <Form method="post" action={`${base}/${data.step}`} ref={formRef} onBlur={saveOnBlur} noValidate>
        <VStack gap="space-32">
          {data.returnToSummary ? <input type="hidden" name="returnTo" value="oppsummering" /> : null}
          {fields}
          <HStack gap="space-16" wrap>
            {data.hasPrevious ? (
              <Button type="submit" name="intent" value="back" variant="secondary" icon={<ArrowLeftIcon aria-hidden />} disabled={busy}>
                {t("nav.previous")}
              </Button>
            ) : null}
            {data.step === "oppsummering" ? (
              <Button type="submit" name="intent" value="next" icon={<PaperplaneIcon aria-hidden />} iconPosition="right" loading={busy}>
                {t("nav.send")}
              </Button>
            ) : (
              <Button type="submit" name="intent" value="next" icon={<ArrowRightIcon aria-hidden />} iconPosition="right" loading={busy}>
                {t("nav.next")}
              </Button>
            )}
          </HStack>
          <VStack gap="space-8">
            <div>
              <Button type="submit" name="intent" value="later" variant="tertiary" size="small" disabled={busy}>
                {t("nav.later")}
              </Button>
            </div>
            <BodyShort size="small">{t("nav.keptUntil", { date: format.date(data.deleteAfter) })}</BodyShort>
          </VStack>
        </VStack>
      </Form>
    </Page>
  );
}
