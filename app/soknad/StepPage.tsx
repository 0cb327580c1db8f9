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
 * answer to a submit. Two routes show it: `$lang.soknad.$draftId.$step` for most steps and
 * `$lang.soknad.$draftId.dokumentasjon`, so that only the documentation step's page loads the
 * upload field (Aksel's FileUpload and its icons).
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
