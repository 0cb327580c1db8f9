import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, Checkbox, CheckboxGroup, Heading, Link, List, Radio, RadioGroup, VStack } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { LinkButton } from "~/shell/LinkButton";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { documentRule } from "~/soknad/rules";
import { housingChoices, incomeKinds, livesWithOptions, yesNo, type SituationField } from "~/veiviser/before-you-apply";
import { beforeYouApplyAction, type BeforeYouApplyAnswer } from "~/veiviser/before-you-apply.server";

export const meta: MetaFunction = (args) =>
  pageTitle(args, "veiviser-verktoy:beforeYouApply.title", { errors: Boolean(actionDataOf<BeforeYouApplyAnswer>(args)?.errors) });

/** The questions post here and the list comes back under them; nothing is stored. */
export const action = ({ request }: ActionFunctionArgs) => beforeYouApplyAction(request);

const fieldId = (field: SituationField) => `before-you-apply-${field}`;

/** Radio questions: the field, its options, and where their labels are. */
const radioQuestions = [
  { field: "livesWith", options: livesWithOptions, labels: "livesWith.options" },
  { field: "children", options: yesNo, labels: "yesNo" },
  { field: "housing", options: housingChoices, labels: "housing.options" },
] as const;

export default function BeforeYouApply() {
  const { t } = useTranslation("veiviser-verktoy");
  const language = useLanguage();
  const answer = useActionData<BeforeYouApplyAnswer>();
  const values = answer?.values;
  const errors = answer?.errors ?? {};
  const error = (field: SituationField) => (errors[field] ? t(errors[field]) : undefined);
  const summary = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
  const fieldIds = Object.fromEntries(Object.keys(errors).map((field) => [field, fieldId(field as SituationField)]));
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // With JavaScript the page does not reload: take the reader to the list when it comes.
  useEffect(() => {
    if (answer?.documents) resultHeading.current?.focus();
  }, [answer]);

  const yesNoQuestion = (field: "student" | "nordic") => (
    <RadioGroup legend={t(`beforeYouApply.${field}.legend`)} description={field === "nordic" ? t("beforeYouApply.nordic.description") : undefined} name={field} defaultValue={values?.[field]} error={error(field)}>
      {yesNo.map((option, index) => (
        <Radio key={option} value={option} id={index === 0 ? fieldId(field) : undefined}>
          {t(`beforeYouApply.yesNo.${option}`)}
        </Radio>
      ))}
    </RadioGroup>
  );

  return (
    <Page title={t("beforeYouApply.title")}>
      <BodyLong size="large">{t("beforeYouApply.intro")}</BodyLong>
      <BodyLong>{t("beforeYouApply.nothingStored")}</BodyLong>
      <FormErrorSummary errors={summary} fieldIds={fieldIds} />
      {/* The answers change with each post: a new key gives the fields the answers the server read. */}
      <Form method="post" noValidate key={JSON.stringify(values ?? null)}>
        <VStack gap="space-32">
          {radioQuestions.map(({ field, options, labels }) => (
            <RadioGroup key={field} legend={t(`beforeYouApply.${field}.legend`)} name={field} defaultValue={values?.[field]} error={error(field)}>
              {options.map((option, index) => (
                <Radio key={option} value={option} id={index === 0 ? fieldId(field) : undefined}>
                  {t(`beforeYouApply.${labels}.${option}`)}
                </Radio>
              ))}
            </RadioGroup>
          ))}
          <CheckboxGroup legend={t("beforeYouApply.income.legend")} description={t("beforeYouApply.income.description")} defaultValue={values?.income} error={error("income")}>
            {incomeKinds.map((kind, index) => (
              <Checkbox key={kind} name="income" value={kind} id={index === 0 ? fieldId("income") : undefined}>
                {t(`beforeYouApply.income.options.${kind}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
          {yesNoQuestion("student")}
          {yesNoQuestion("nordic")}
          <div>
            <Button type="submit">{t("beforeYouApply.submit")}</Button>
          </div>
        </VStack>
      </Form>

      {answer?.documents ? (
        <section aria-labelledby="before-you-apply-result">
          <VStack gap="space-16">
            <Heading level="2" size="medium" id="before-you-apply-result" ref={resultHeading} tabIndex={-1}>
              {t("beforeYouApply.result.heading")}
            </Heading>
            <BodyLong>{t("beforeYouApply.result.intro")}</BodyLong>
            <List>
              {answer.documents.map((id) => (
                <List.Item key={id}>
                  <BodyShort weight="semibold">{t(documentRule(id).title)}</BodyShort>
                  <BodyShort>{t(documentRule(id).description)}</BodyShort>
                </List.Item>
              ))}
            </List>
            <BodyLong>{t("beforeYouApply.result.fetched")}</BodyLong>
            <Alert variant="info">{t("beforeYouApply.result.applyAnyway")}</Alert>
            <div>
              <LinkButton to={`/${language}/soknad`}>{t("beforeYouApply.result.start")}</LinkButton>
            </div>
          </VStack>
        </section>
      ) : (
        <BodyLong>
          <Link as={RemixLink} to={`/${language}/soknad`}>
            {t("beforeYouApply.startNow")}
          </Link>
        </BodyLong>
      )}
    </Page>
  );
}
