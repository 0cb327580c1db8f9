import { BodyShort, FormSummary, Radio, RadioGroup, Textarea, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/languages";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { jaNei, limits, studyLoads, type JaNei, type StudyLoad } from "../options";
import { fieldId, valueOf, type StepViewProps } from "../step-view";

const studentLabels: Record<JaNei, string> = {
  ja: "student.ja",
  nei: "student.nei",
};

const studyLoadLabels: Record<StudyLoad, string> = {
  heltid: "studyLoad.heltid",
  deltid: "studyLoad.deltid",
};

export function ArbeidStep(props: StepViewProps<"arbeid">) {
  const { t } = useTranslation("soknad-arbeid");
  const format = useFormat();
  const language = useLanguage();
  const { values, errors, register } = props;
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const percent = new Intl.NumberFormat(intlLocale[language], { maximumFractionDigits: 1 });

  const [student, setStudent] = useState(valueOf(values, "student"));

  return (
    <VStack gap="space-32">
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("employments.heading")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          {register.employments.length > 0 ? (
            register.employments.map((employment, index) => (
              <FormSummary.Answer key={`${employment.employer}-${employment.from}-${index}`}>
                <FormSummary.Label>{employment.employer}</FormSummary.Label>
                <FormSummary.Value>
                  {employment.to
                    ? t("employments.period", { from: format.date(employment.from), to: format.date(employment.to) })
                    : t("employments.ongoing", { from: format.date(employment.from) })}
                  <br />
                  {t("employments.percent", { percent: percent.format(employment.percent) })}
                </FormSummary.Value>
              </FormSummary.Answer>
            ))
          ) : (
            <FormSummary.Answer>
              <FormSummary.Label>{t("employments.noneLabel")}</FormSummary.Label>
              <FormSummary.Value>{register.notFetched.includes("aareg") ? t("employments.notFetched") : t("employments.none")}</FormSummary.Value>
            </FormSummary.Answer>
          )}
        </FormSummary.Answers>
        <FormSummary.Footer>
          <BodyShort size="small">{t("employments.source")}</BodyShort>
        </FormSummary.Footer>
      </FormSummary>

      <Textarea
        id={fieldId("employmentComment")}
        name="employmentComment"
        label={t("employmentComment.label")}
        description={t("employmentComment.description")}
        maxLength={limits.comment}
        defaultValue={valueOf(values, "employmentComment")}
        error={error("employmentComment")}
      />

      <VStack gap="space-16">
        <RadioGroup
          legend={t("student.legend")}
          description={t("student.description")}
          name="student"
          defaultValue={valueOf(values, "student") || undefined}
          onChange={(value: string) => setStudent(value)}
          error={error("student")}
        >
          {jaNei.map((option, index) => (
            <Radio key={option} value={option} id={index === 0 ? fieldId("student") : undefined}>
              {t(studentLabels[option])}
            </Radio>
          ))}
        </RadioGroup>

        {student === "ja" ? (
          <RadioGroup
            legend={t("studyLoad.legend")}
            name="studyLoad"
            defaultValue={valueOf(values, "studyLoad") || undefined}
            error={error("studyLoad")}
          >
            {studyLoads.map((option, index) => (
              <Radio key={option} value={option} id={index === 0 ? fieldId("studyLoad") : undefined}>
                {t(studyLoadLabels[option])}
              </Radio>
            ))}
          </RadioGroup>
        ) : null}
      </VStack>
    </VStack>
  );
}
