import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { loadStep, saveStepForm } from "./flow.server";
import { StepFrame, stepTitleKeys } from "./StepFrame";
import { Page } from "~/shell/Page";
import type { StepViewProps } from "./step-view";

/**
 * A step's page: the frame and the step's fields, from the step loader's data and the last
 * answer to a submit. Each step has a route of its own (`$lang.soknad.$draftId.personalia` and
 * the others, `$lang.soknad.$draftId.$step` for any other slug), so that a step's page loads that
 * step's view alone: the documentation step's upload field, the summary's tables and the other
 * steps' fields stay off it (docs/decisions/032-script-chunks.md).
 */
export function StepPage({ fields }: { fields: (props: StepViewProps) => ReactNode }) {
  const { t } = useTranslation("soknad");
  const loaded = useLoaderData<typeof loadStep>();
  const actionData = useActionData<typeof saveStepForm>();
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
      {(fieldErrors) => fields({ ...props, errors: fieldErrors })}
    </StepFrame>
  );
}
