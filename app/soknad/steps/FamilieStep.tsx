import { BodyShort, Fieldset, FormSummary, Heading, Radio, RadioGroup, ReadMore, TextField, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import { ageOn } from "~/i18n/format";
import { useFormat } from "~/i18n/use-language";
import { childSupportOptions, jaNei, limits, maritalStatuses, maritalStatusFromRegister, type ChildSupport, type JaNei, type MaritalStatus } from "~/soknad/options";
import { fieldId, valueOf, type StepViewProps } from "~/soknad/step-view";

type RegisterStatus = FolkeregisterPerson["sivilstand"];


const registerStatusKeys: Record<Exclude<RegisterStatus, "UOPPGITT">, string> = {
  UGIFT: "maritalStatus.register.UGIFT",
  GIFT: "maritalStatus.register.GIFT",
  REGISTRERT_PARTNER: "maritalStatus.register.REGISTRERT_PARTNER",
  SEPARERT: "maritalStatus.register.SEPARERT",
  SKILT: "maritalStatus.register.SKILT",
  ENKE_ELLER_ENKEMANN: "maritalStatus.register.ENKE_ELLER_ENKEMANN",
};

const maritalStatusKeys: Record<MaritalStatus, string> = {
  ugift: "maritalStatus.option.ugift",
  gift: "maritalStatus.option.gift",
  samboer: "maritalStatus.option.samboer",
  separert: "maritalStatus.option.separert",
  skilt: "maritalStatus.option.skilt",
  enke: "maritalStatus.option.enke",
};

const jaNeiKeys: Record<JaNei, string> = { ja: "answer.ja", nei: "answer.nei" };

const childSupportKeys: Record<ChildSupport, string> = {
  betaler: "childSupport.option.betaler",
  mottar: "childSupport.option.mottar",
  begge: "childSupport.option.begge",
  ingen: "childSupport.option.ingen",
};

/** The familie step: marital status (from the register, or asked), spouse or cohabitant, each child, child support. */
export function FamilieStep(props: StepViewProps<"familie">) {
  const { t } = useTranslation("soknad-familie");
  const format = useFormat();
  const error = (name: string) => {
    const key = props.errors[name];
    return key ? t(key) : undefined;
  };

  const registerStatus = props.register.data.maritalStatus;
  const asked = registerStatus === "UOPPGITT";
  const [chosenStatus, setChosenStatus] = useState(valueOf(props.values, "maritalStatus"));
  const status = registerStatus === "UOPPGITT" ? chosenStatus : maritalStatusFromRegister[registerStatus];
  const spouseRegistered = props.register.data.spouseRegistered;
  const spouseAsked = (status === "gift" && !spouseRegistered) || status === "samboer";

  const children = props.register.children;
  const [sharedResidence, setSharedResidence] = useState(() =>
    children.map((_, index) => valueOf(props.values, `child.${index}.sharedResidence`)),
  );
  const today = new Date();

  return (
    <VStack gap="space-32">
      {asked ? (
        <RadioGroup
          legend={t("maritalStatus.legend")}
          description={t("maritalStatus.notInRegister")}
          name="maritalStatus"
          defaultValue={valueOf(props.values, "maritalStatus") || undefined}
          onChange={(value: string) => setChosenStatus(value)}
          error={error("maritalStatus")}
        >
          {maritalStatuses.map((option, index) => (
            <Radio key={option} value={option} id={index === 0 ? fieldId("maritalStatus") : undefined}>
              {t(maritalStatusKeys[option])}
            </Radio>
          ))}
        </RadioGroup>
      ) : (
        <VStack as="section" aria-labelledby="familie-sivilstatus" gap="space-8">
          <FormSummary>
            <FormSummary.Header>
              <FormSummary.Heading level="2" id="familie-sivilstatus">
                {t("maritalStatus.heading")}
              </FormSummary.Heading>
            </FormSummary.Header>
            <FormSummary.Answers>
              <FormSummary.Answer>
                <FormSummary.Label>{t("maritalStatus.label")}</FormSummary.Label>
                <FormSummary.Value>{t(registerStatusKeys[registerStatus])}</FormSummary.Value>
              </FormSummary.Answer>
              {status === "gift" && spouseRegistered ? (
                <FormSummary.Answer>
                  <FormSummary.Label>{t("spouse.registeredLabel")}</FormSummary.Label>
                  <FormSummary.Value>{t("spouse.registered")}</FormSummary.Value>
                </FormSummary.Answer>
              ) : null}
            </FormSummary.Answers>
          </FormSummary>
          <BodyShort size="small" className="muted">
            {t("source.folkeregisteret")} {t("maritalStatus.wrong")}
          </BodyShort>
        </VStack>
      )}

      {spouseAsked ? (
        <Fieldset legend={t(status === "samboer" ? "spouse.legendSamboer" : "spouse.legendGift")} description={t("spouse.description")}>
          <VStack gap="space-24">
            <TextField
              label={t("spouse.name")}
              name="spouseName"
              id={fieldId("spouseName")}
              defaultValue={valueOf(props.values, "spouseName")}
              maxLength={limits.shortText}
              autoComplete="off"
              error={error("spouseName")}
            />
            <TextField
              label={t("spouse.birthDate")}
              description={t("spouse.birthDateHint")}
              name="spouseBirthDate"
              id={fieldId("spouseBirthDate")}
              defaultValue={valueOf(props.values, "spouseBirthDate")}
              htmlSize={12}
              maxLength={12}
              autoComplete="off"
              error={error("spouseBirthDate")}
            />
            <RadioGroup
              legend={t("spouse.livesTogether")}
              name="spouseLivesTogether"
              defaultValue={valueOf(props.values, "spouseLivesTogether") || undefined}
              error={error("spouseLivesTogether")}
            >
              {jaNei.map((option, index) => (
                <Radio key={option} value={option} id={index === 0 ? fieldId("spouseLivesTogether") : undefined}>
                  {t(jaNeiKeys[option])}
                </Radio>
              ))}
            </RadioGroup>
          </VStack>
        </Fieldset>
      ) : null}

      {children.length > 0 ? (
        <section aria-labelledby="familie-barn">
          <VStack gap="space-24">
            <div>
              <Heading level="2" size="small" id="familie-barn" spacing>
                {t("children.heading")}
              </Heading>
              <BodyShort className="muted">{t("children.source")}</BodyShort>
            </div>
            <ReadMore header={t("children.sharedResidence.readMore.header")}>
              <BodyShort spacing>{t("children.sharedResidence.readMore.body")}</BodyShort>
              <BodyShort>{t("children.sharedResidence.readMore.visitation")}</BodyShort>
            </ReadMore>
            {children.map((child, index) => {
              const sharedName = `child.${index}.sharedResidence`;
              const visitationName = `child.${index}.visitationPercent`;
              const asksVisitation = sharedResidence[index] === "nei" && !child.livesWithApplicant;
              return (
                <div key={index} className="card">
                  <VStack gap="space-16">
                    <div>
                      <Heading level="3" size="xsmall">
                        {child.name}
                      </Heading>
                      <BodyShort>
                        {t("children.born", { date: format.date(child.birthDate), count: ageOn(child.birthDate, today) })}
                      </BodyShort>
                      <BodyShort>{t(child.livesWithApplicant ? "children.livesWithYou" : "children.livesElsewhere")}</BodyShort>
                    </div>
                    <RadioGroup
                      legend={t("children.sharedResidence.legend", { name: child.name })}
                      name={sharedName}
                      defaultValue={valueOf(props.values, sharedName) || undefined}
                      onChange={(value: string) =>
                        setSharedResidence((current) => current.map((entry, position) => (position === index ? value : entry)))
                      }
                      error={error(sharedName)}
                    >
                      {jaNei.map((option, position) => (
                        <Radio key={option} value={option} id={position === 0 ? fieldId(sharedName) : undefined}>
                          {t(jaNeiKeys[option])}
                        </Radio>
                      ))}
                    </RadioGroup>
                    {asksVisitation ? (
                      <TextField
                        label={t("children.visitation.label", { name: child.name })}
                        description={t("children.visitation.description")}
                        name={visitationName}
                        id={fieldId(visitationName)}
                        defaultValue={valueOf(props.values, visitationName)}
                        inputMode="numeric"
                        htmlSize={5}
                        maxLength={5}
                        autoComplete="off"
                        error={error(visitationName)}
                      />
                    ) : null}
                  </VStack>
                </div>
              );
            })}
          </VStack>
        </section>
      ) : null}

      {children.length > 0 ? (
        <RadioGroup
          legend={t("childSupport.legend")}
          description={t("childSupport.description")}
          name="childSupport"
          defaultValue={valueOf(props.values, "childSupport") || undefined}
          error={error("childSupport")}
        >
          {childSupportOptions.map((option, index) => (
            <Radio key={option} value={option} id={index === 0 ? fieldId("childSupport") : undefined}>
              {t(childSupportKeys[option])}
            </Radio>
          ))}
        </RadioGroup>
      ) : null}
    </VStack>
  );
}
