import { Form, Link as RemixLink, useFetcher, useNavigation } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, FormProgress, HStack, Link, VStack } from "@navikt/ds-react";
import { ArrowLeftIcon, ArrowRightIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { Page } from "~/shell/Page";
import { fieldId } from "./step-view";
import { stepsFor, type ApplicationKind, type StepId } from "./steps";

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
  returnToSummary: boolean;
  submitLabel?: string;
  /** The step's fields, given the errors to show at each field. */
  children: (fieldErrors: Record<string, string>) => ReactNode;
};

/**
 * The frame around a step's fields: progress, heading, error summary, one plain form
 * with "Forrige" / "Neste" / "Fortsett senere", and a link to delete the draft. With
 * JavaScript, leaving a field saves the step in the background.
 */
export function StepFrame(props: Props) {
  const { t } = useTranslation("soknad");
  const language = useLanguage();
  const format = useFormat();
  const navigation = useNavigation();
  const autosave = useFetcher<{ fieldErrors?: Record<string, string> }>();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  const base = `/${language}/soknad/${props.draftId}`;
  const steps = stepsFor(props.kind);
  const translatedErrors = Object.fromEntries(Object.entries(props.errors).map(([field, key]) => [field, t(key)]));
  const fieldIds = Object.fromEntries(Object.keys(props.errors).map((field) => [field, fieldId(field)]));
  const busy = navigation.state !== "idle";
  // Errors at the fields: those from the last submit, then, once the person leaves a field,
  // the background save's verdict for the fields they have touched or were told to fix.
  // A submit's errors are newer than any background verdict that came before them.
  const submitted = JSON.stringify(props.errors);
  const [supersededSave, setSupersededSave] = useState<unknown>(null);
  useEffect(() => setSupersededSave(autosave.data ?? null), [submitted]); // eslint-disable-line react-hooks/exhaustive-deps
  const inline = autosave.data && autosave.data !== supersededSave ? autosave.data.fieldErrors : undefined;
  const fieldErrors = inline
    ? Object.fromEntries(Object.entries(inline).filter(([field]) => touched.has(field) || field in props.errors))
    : props.errors;

  // Saving on blur waits a moment, so that leaving a field by pressing a button sends
  // only that button's submit and not a background save racing it.
  const pendingSave = useRef<number>();
  const saveOnBlur = (event: React.FocusEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (!formRef.current || !("name" in target) || !target.name || target.getAttribute("type") === "submit") return;
    const name = String(target.name);
    setTouched((before) => (before.has(name) ? before : new Set(before).add(name)));
    window.clearTimeout(pendingSave.current);
    pendingSave.current = window.setTimeout(() => {
      if (!formRef.current) return;
      const body = new FormData(formRef.current);
      body.set("intent", "autosave");
      autosave.submit(body, { method: "post", action: `${base}/${props.step}` });
    }, 400);
  };
  const cancelPendingSave = () => window.clearTimeout(pendingSave.current);

  return (
    <Page title={t(stepTitleKeys[props.step])}>
      {props.position ? (
        <FormProgress totalSteps={props.position.total} activeStep={props.position.number} interactiveSteps={false}>
          {steps.map((step) => (
            <FormProgress.Step key={step}>
              {t(stepTitleKeys[step])}
            </FormProgress.Step>
          ))}
        </FormProgress>
      ) : null}
      {stepIntroKeys[props.step] ? <BodyLong>{t(stepIntroKeys[props.step] as string)}</BodyLong> : null}
      {props.errors.form ? <Alert variant="error">{t(props.errors.form)}</Alert> : null}
      <FormErrorSummary errors={Object.fromEntries(Object.entries(translatedErrors).filter(([field]) => field !== "form"))} fieldIds={fieldIds} />
      <Form method="post" action={`${base}/${props.step}`} ref={formRef} onBlur={saveOnBlur} onSubmit={cancelPendingSave} noValidate>
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
