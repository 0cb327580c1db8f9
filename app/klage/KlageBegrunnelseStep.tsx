import { List, ReadMore, Textarea, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { MAX_KLAGE_LATE_REASON, MAX_KLAGE_TEXT } from "~/fagsystem/limits";
import { fieldId, type KlageStepView } from "./KlageStepPage";

/** The complaint's reason, and why it is late when the deadline has passed. */
export function KlageBegrunnelseStep({ data, errors, value }: KlageStepView) {
  const { t } = useTranslation("klage");
  return (
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
}
