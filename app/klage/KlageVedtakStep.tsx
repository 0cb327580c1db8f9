import { Checkbox, CheckboxGroup } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import { klagefrist } from "~/innsyn/klagefrist";
import { DecisionLabel } from "./DecisionLabel";
import { fieldId, type KlageStepView } from "./KlageStepPage";

/** The complaint's first step: which decisions it is about. */
export function KlageVedtakStep({ data, answer, errors }: KlageStepView) {
  const { t } = useTranslation("klage");
  const format = useFormat();
  const chosen = answer?.values && !answer.saved ? ([] as string[]).concat(answer.values.vedtakIds ?? []) : data.chosen;
  return (
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
}
