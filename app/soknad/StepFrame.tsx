import type { MetaArgs } from "@remix-run/node";
import { Form, Link as RemixLink, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, HStack, Link, VStack } from "@navikt/ds-react";
import { ArrowLeftIcon, ArrowRightIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { focusOn } from "~/shell/focus";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { formDataToValues } from "./options";
import type { StepContext } from "./schemas";
import { fieldId } from "./step-view";
import { stepsFor, type ApplicationKind, type StepId } from "./steps";
import { StepProgress } from "./StepProgress";

/**
 * The step schemas and zod: fetched when a person first enters a field of the form and used
 * when they leave it, so a step's first load does not carry them (a failed fetch is tried
 * again at the next field; the server checks every submit anyway).
 */
let schemas: Promise<typeof import("./schemas")> | undefined;
function loadSchemas() {
  if (!schemas) {
    schemas = import("./schemas");
    schemas.catch(() => (schemas = undefined));
  }
  return schemas;
}

/** The form's values as one string, to tell whether anything changed since the last save. */
function formState(form: HTMLFormElement): string {
  const entries: string[] = [];
  for (const [name, value] of new FormData(form)) {
    if (name !== "intent") entries.push(`${name}=${typeof value === "string" ? value : `${value.name}:${value.size}`}`);
  }
  return JSON.stringify(entries);
}

/** Whether an element is inside an open dialog (focus taken by a modal, not by the person). */
function inDialog(element: EventTarget | null): boolean {
  return element instanceof Element && element.closest("dialog[open], [role='dialog'], [role='alertdialog']") !== null;
}

/** Every step's heading, written out so each key is visible in code. */
export const stepTitleKeys: Record<StepId, string> = {
  personalia: "soknad-personalia:title",
  behov: "soknad-behov:title",
  arbeid: "soknad-arbeid:title",
  familie: "soknad-familie:title",
  bosituasjon: "soknad-bosituasjon:title",
  inntekt: "soknad-inntekt:title",
  utgifter: "soknad-utgifter:title",
  dokumentasjon: "soknad-dokumentasjon:title",
  oppsummering: "soknad:summary.title",
};

/** The errors the summary lists: all but the form's own (shown as an alert above it). */
const summaryErrorsOf = (errors: Record<string, string> | undefined) => Object.fromEntries(Object.entries(errors ?? {}).filter(([field, key]) => field !== "form" && key));

/**
 * A step's `<title>`: "Steg 3 av 9: Arbeid og utdanning – Økonomisk sosialhjelp", with "Feil: "
 * first after a "Neste" the server refused, while the error summary shows.
 */
export function stepPageTitle(args: Pick<MetaArgs, "matches" | "data">, step: StepId) {
  const position = (args.data as { position?: { number: number; total: number } | null } | undefined)?.position;
  const answer = actionDataOf<{ errors?: Record<string, string> }>(args);
  return pageTitle(args, stepTitleKeys[step], { step: position, errors: Object.keys(summaryErrorsOf(answer?.errors)).length > 0 });
}

/** The one sentence under each heading that says why we ask. */
const stepIntroKeys: Partial<Record<StepId, string>> = {
  personalia: "soknad-personalia:intro",
  behov: "soknad-behov:intro",
  arbeid: "soknad-arbeid:intro",
  familie: "soknad-familie:intro",
  bosituasjon: "soknad-bosituasjon:intro",
  inntekt: "soknad-inntekt:intro",
  utgifter: "soknad-utgifter:intro",
  dokumentasjon: "soknad-dokumentasjon:intro",
  oppsummering: "soknad:summary.intro",
};

type Props = {
  draftId: string;
  kind: ApplicationKind;
  step: StepId;
  position: { number: number; total: number } | null;
  hasPrevious: boolean;
  deleteAfter: string;
  errors: Record<string, string>;
  /** What the step's schema needs besides the form (the same as the server uses). */
  context: StepContext;
  returnToSummary: boolean;
  submitLabel?: string;
  /** The step's fields, given the errors to show at each field. */
  children: (fieldErrors: Record<string, string>) => ReactNode;
};

/**
 * The frame around a step's fields: progress, heading, error summary, one plain form
 * with "Forrige" / "Neste" / "Fortsett senere", and a link to delete the draft. With
 * JavaScript, leaving a field saves the step in the background, and the step's own
 * schema (`parseStep`) checks the form in the browser on blur and on "Neste"; the
 * server checks every POST again (docs/decisions/010-validation-in-the-browser.md).
 */
export function StepFrame(props: Props) {
  const { t } = useTranslation("soknad");
  const language = useLanguage();
  const format = useFormat();
  const navigation = useNavigation();
  const autosave = useFetcher();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const base = `/${language}/soknad/${props.draftId}`;
  const steps = stepsFor(props.kind);
  const busy = navigation.state !== "idle";

  // The browser's verdict after leaving a field. When a submit has been answered by the
  // server, its errors (or none) are newer.
  const [live, setLive] = useState<Record<string, string> | null>(null);
  const idle = navigation.state === "idle";
  useEffect(() => {
    if (idle) setLive(null);
  }, [idle]);
  const verdict = async (form: HTMLFormElement) => {
    const values = formDataToValues(new FormData(form));
    const { parseStep } = await loadSchemas();
    const parsed = parseStep(props.step, values, props.context);
    return parsed.ok ? {} : parsed.errors;
  };

  // Errors in the summary and at the fields: the server's from the last submit; once the person
  // leaves a field, the browser's verdict for the fields they have touched or were told to fix.
  const summaryErrors = props.errors;
  const fieldErrors = live ? Object.fromEntries(Object.entries(live).filter(([field]) => touched.has(field) || field in summaryErrors)) : summaryErrors;
  const translatedErrors = Object.fromEntries(Object.entries(summaryErrorsOf(summaryErrors)).map(([field, key]) => [field, t(key)]));
  const fieldIds = Object.fromEntries(Object.keys(summaryErrors).map((field) => [field, fieldId(field)]));

  // What the server has of this form: as loaded, then as last saved or submitted. A save tells
  // the server the person is active (it starts the inactivity clock again), so leaving a field
  // saves only when something in the form changed since.
  const saved = useRef<string | null>(null);
  useEffect(() => {
    if (formRef.current) saved.current = formState(formRef.current);
  }, []);

  // Saving on blur waits a moment, so that leaving a field by pressing a button sends
  // only that button's submit and not a background save racing it.
  const pendingSave = useRef<number>();
  const saveIfChanged = (form: HTMLFormElement) => {
    window.clearTimeout(pendingSave.current);
    const state = formState(form);
    if (state === saved.current) return;
    saved.current = state;
    const body = new FormData(form);
    body.set("intent", "autosave");
    autosave.submit(body, { method: "post", action: `${base}/${props.step}` });
  };
  const checkAndSaveOnBlur = (event: React.FocusEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (!formRef.current || !("name" in target) || !target.name || target.getAttribute("type") === "submit") return;
    // A dialog that opened on its own (the timeout warning) took the focus: the person did not
    // leave the field, so nothing is checked or saved (a save would keep the session alive).
    if (inDialog(event.relatedTarget)) return;
    const name = String(target.name);
    window.clearTimeout(pendingSave.current);
    // The verdict waits as the save does: an error appearing at once would move the page
    // under a finger or pointer on its way to the next field or button.
    pendingSave.current = window.setTimeout(() => {
      const form = formRef.current;
      if (!form || inDialog(document.activeElement)) return;
      setTouched((before) => (before.has(name) ? before : new Set(before).add(name)));
      // A submit after this blur is newer: its answer (or setLive({}) in checkOnSubmit) wins.
      const at = submits.current;
      void verdict(form).then(
        (errors) => submits.current === at && setLive(errors),
        () => {}, // the schemas could not be loaded (offline): the server checks on submit
      );
      saveIfChanged(form);
    }, 400);
  };
  // A submit the server could not take (registers down, the daily limit, a send that failed) is
  // told above the form; like the error summary, the message takes focus after each such answer.
  const formError = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (idle && props.errors.form) focusOn(formError.current);
  }, [idle, props.errors.form]);

  const submits = useRef(0);
  // A "Neste" pressed while a background save is still on its way can lose its redirect to the
  // save's reload (React Router), leaving the person on the step: such a submit waits for the save.
  const submit = useSubmit();
  const waiting = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (autosave.state !== "idle" || !waiting.current) return;
    const submitter = waiting.current;
    waiting.current = null;
    submit(submitter as HTMLButtonElement);
  }, [autosave.state, submit]);
  const checkOnSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    submits.current += 1;
    // Every submit goes to the server, which checks again and answers with the summary: a
    // browser whose view of the answers is stale must never keep a person from going on.
    window.clearTimeout(pendingSave.current);
    // Every submit saves what the form holds (or, for "Forrige" and "Fortsett senere", as typed).
    saved.current = formState(event.currentTarget);
    setLive({});
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (autosave.state !== "idle" && submitter) {
      event.preventDefault();
      waiting.current = submitter;
    }
  };

  return (
    <Page title={t(stepTitleKeys[props.step])}>
      {props.position ? (
        <StepProgress total={props.position.total} active={props.position.number}>
          {steps.map((step) => (
            <StepProgress.Step key={step}>{t(stepTitleKeys[step])}</StepProgress.Step>
          ))}
        </StepProgress>
      ) : null}
      {stepIntroKeys[props.step] ? <BodyLong>{t(stepIntroKeys[props.step] as string)}</BodyLong> : null}
      {props.errors.form ? (
        <Alert variant="error" ref={formError}>
          {t(props.errors.form)}
        </Alert>
      ) : null}
      <FormErrorSummary errors={translatedErrors} fieldIds={fieldIds} />
      <Form method="post" action={`${base}/${props.step}`} ref={formRef} onFocus={() => void loadSchemas().catch(() => {})} onBlur={checkAndSaveOnBlur} onSubmit={checkOnSubmit} noValidate>
        <VStack gap="space-32">
          {props.returnToSummary ? <input type="hidden" name="returnTo" value="oppsummering" /> : null}
          {props.children(fieldErrors)}
          <HStack gap="space-16" wrap>
            {props.hasPrevious ? (
              <Button type="submit" name="intent" value="back" variant="secondary" icon={<ArrowLeftIcon aria-hidden />} disabled={busy}>
                {t("nav.previous")}
              </Button>
            ) : null}
            <Button type="submit" name="intent" value="next" icon={<ArrowRightIcon aria-hidden />} iconPosition="right" loading={busy}>
              {props.submitLabel ?? t("nav.next")}
            </Button>
          </HStack>
          <VStack gap="space-8">
            <div>
              <Button type="submit" name="intent" value="later" variant="tertiary" size="small" disabled={busy}>
                {t("nav.later")}
              </Button>
            </div>
            <BodyShort size="small">{t("nav.keptUntil", { date: format.date(props.deleteAfter) })}</BodyShort>
            <BodyShort size="small">
              <Link as={RemixLink} to={`${base}/slett`}>
                {t("nav.delete")}
              </Link>
            </BodyShort>
          </VStack>
        </VStack>
      </Form>
    </Page>
  );
}
