import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { StepFrame, stepTitleKeys } from "~/soknad/StepFrame";
import { StepFields } from "~/soknad/StepFields";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { isStepId } from "~/soknad/steps";

export const meta: MetaFunction = (args) => pageTitle(args, isStepId(args.params.step) ? stepTitleKeys[args.params.step] : "soknad:start.title");

export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, params);

export default function SoknadStep() {
  const { t } = useTranslation("soknad");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  if (loaded.unavailable) {
    return (
      <Page title={t(stepTitleKeys[loaded.step])}>
        <Alert variant="error">{t("unavailable")}</Alert>
      </Page>
    );
  }
  const failed = actionData && "errors" in actionData ? actionData : null;
  const uploads = actionData && "uploads" in actionData ? actionData.uploads : undefined;
  const props = { ...loaded.props, values: failed?.values ?? loaded.props.values, errors: failed?.errors ?? {}, uploads };
  return (
    <StepFrame
      key={props.step}
      draftId={loaded.draftId}
      kind={props.kind}
      step={props.step}
      position={loaded.position}
      hasPrevious={Boolean(loaded.previous)}
      deleteAfter={loaded.deleteAfter}
      errors={props.errors}
      context={{ kind: props.kind, register: props.register.data, answers: props.answers }}
      returnToSummary={searchParams.get("tilbake") === "oppsummering"}
      submitLabel={props.step === "oppsummering" ? t("summary.send") : undefined}
    >
      {(fieldErrors) => <StepFields {...props} errors={fieldErrors} />}
    </StepFrame>
  );
}
