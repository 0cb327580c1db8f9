import { BodyShort, Label, ProgressBar, Stepper } from "@navikt/ds-react";
import { nb } from "@navikt/ds-react/locales";
import { ChevronDownIcon } from "@navikt/aksel-icons";
import type { ReactNode } from "react";
import { useAkselTranslations } from "~/i18n/root-texts";

type FormProgressTexts = (typeof nb)["FormProgress"];

/** Aksel's own FormProgress texts in the page's language (the root's data, as the Provider gets them). */
function useFormProgressTexts(): FormProgressTexts {
  return useAkselTranslations()?.FormProgress ?? nb.FormProgress;
}

/**
 * Aksel's FormProgress (a progress bar, "Steg 2 av 9" and every step behind "Vis alle steg"),
 * with the list in a <details>: Aksel's button opens it only with JavaScript, a <details> opens
 * in every browser, before the page's script has loaded and without it. It looks as Aksel's
 * does (its classes), and its texts are Aksel's.
 */
export function StepProgress({ active, total, children }: { active: number; total: number; children: ReactNode }) {
  const texts = useFormProgressTexts();
  return (
    <div className="step-progress">
      <ProgressBar aria-hidden value={active} valueMax={total} className="aksel-form-progress__bar" />
      <details className="step-progress__details">
        <summary className="step-progress__summary">
          <BodyShort as="span">{texts.step.replace("{activeStep}", String(active)).replace("{totalSteps}", String(total))}</BodyShort>
          <span className="step-progress__toggle aksel-button aksel-button--small" data-variant="tertiary" data-color="accent">
            <Label as="span" size="small" className="step-progress__show">
              {texts.showAllSteps}
            </Label>
            <Label as="span" size="small" className="step-progress__hide">
              {texts.hideAllSteps}
            </Label>
            <span className="aksel-button__icon">
              <ChevronDownIcon aria-hidden />
            </span>
          </span>
        </summary>
        <div className="step-progress__list">
          <Stepper activeStep={active} interactive={false}>
            {children}
          </Stepper>
        </div>
      </details>
    </div>
  );
}

StepProgress.Step = Stepper.Step;
