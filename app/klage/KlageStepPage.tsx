/**
 * A step of the complaint: progress, heading, the deadline, the error summary and one plain form
 * with "Forrige" / "Neste" / "Fortsett senere" that works without JavaScript. With JavaScript,
 * leaving a text field saves the step in the background; the server checks every submit.
 *
 * The step's own fields come from its route ($lang.klage.$klageId.vedtak.tsx and the others), so
 * that a step's page loads that step's view alone (docs/decisions/032-script-chunks.md).
 */
import type { MetaArgs } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, BodyShort, Button, HStack, Link, VStack } from "@navikt/ds-react";
import { ArrowLeftIcon, ArrowRightIcon, PaperplaneIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { focusOn } from "~/shell/focus";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { StepProgress } from "~/soknad/StepProgress";
import type { UploadOutcome } from "~/vedlegg/upload.server";
import { klageStepTitleKeys, klageSteps, type KlageStepId } from "./steps";
import type { loadKlageStep } from "./flow.server";

export type KlageStepData = Awaited<ReturnType<typeof loadKlageStep>>;
export type KlageActionData = { errors?: Record<string, string>; values?: Record<string, string | string[]>; uploads?: UploadOutcome[]; saved?: true } | undefined;

/** What a step's view gets: the step's data, the last answer to a submit and what it said. */
export type KlageStepView = {
  data: KlageStepData;
  answer: KlageActionData;
  errors: Record<string, string>;
  /** A text field's value: the last one sent, else the saved one. */
  value: (name: string) => string;
  /** The complaint's address, `/nb/klage/<id>`. */
  base: string;
};

/** A step's page title: the step, its number, and whether the last submit had errors. */
export function klageStepMeta(args: Pick<MetaArgs, "matches">, step: KlageStepId) {
  const errors = actionDataOf<{ errors?: Record<string, string> }>(args)?.errors ?? {};
  return pageTitle(args, klageStepTitleKeys[step], {
    step: { number: klageSteps.indexOf(step) + 1, total: klageSteps.length },
    errors: Object.keys(errors).some((field) => field !== "form"),
  });
}

/** The field's id, for labels and the error summary's links. */
export const fieldId = (name: string) => `klage-${name}`;

/**
 * `Fields` goes inside the step's form; `Before`, when the step has one, before it (the upload
 * form, which posts on its own).
 */
export function KlageStepPage({ Fields, Before }: { Fields: (view: KlageStepView) => ReactNode; Before?: (view: KlageStepView) => ReactNode }) {
  const { t } = useTranslation("klage");
  const data = useLoaderData<KlageStepData>();
  const answer = useActionData() as KlageActionData;
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

  const view: KlageStepView = { data, answer, errors, value, base };

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
      {Before ? <Before {...view} /> : null}
      <Form method="post" action={`${base}/${data.step}`} ref={formRef} onBlur={saveOnBlur} noValidate>
        <VStack gap="space-32">
          {data.returnToSummary ? <input type="hidden" name="returnTo" value="oppsummering" /> : null}
          <Fields {...view} />
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
