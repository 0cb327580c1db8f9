import { Form } from "@remix-run/react";
import { BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { UploadField } from "~/vedlegg/UploadField";
import { KLAGE_DOCUMENT } from "./files";
import type { KlageStepView } from "./KlageStepPage";

/** The attachments step's text, inside the step's form. */
export function KlageVedleggStep({ data }: KlageStepView) {
  const { t } = useTranslation("klage");
  return <BodyLong>{t("steps.vedlegg.optional", { count: data.maxFiles })}</BodyLong>;
}

/** The upload field, in a form of its own before the step's form (it posts the files alone). */
export function KlageVedleggUpload({ data, answer, base }: KlageStepView) {
  const { t } = useTranslation("klage");
  return (
    <Form method="post" action={`${base}/vedlegg`} encType="multipart/form-data">
      <UploadField documentKey={KLAGE_DOCUMENT} label={t("steps.vedlegg.label")} files={data.files} outcomes={answer?.uploads} canDelete embedded={false} maxFiles={data.maxFiles} />
    </Form>
  );
}
