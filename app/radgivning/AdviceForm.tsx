/**
 * The request for advice: a plain form that posts without JavaScript. The form's radgivningId
 * makes a second post of it the same request. With JavaScript the text counts its characters
 * and the button shows that it is sending.
 */
import { Form, Link as RemixLink, useNavigation } from "@remix-run/react";
import { BodyShort, Button, Link, Radio, RadioGroup, Textarea, TextField, VStack } from "@navikt/ds-react";
import { PaperplaneIcon } from "@navikt/aksel-icons";
import { useTranslation } from "react-i18next";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { CALL_TIMES, CONTACT_WAYS, type AdviceFormValues } from "./schemas";

const FIELD_IDS = { beskrivelse: "beskrivelse", kontaktmate: "kontaktmate-TELEFON", telefonnummer: "telefonnummer", form: "beskrivelse" } as const;

export type AdviceFormAnswer = { errors: Record<string, string>; values: AdviceFormValues; radgivningId: string } | undefined;

export function AdviceForm({
  radgivningId,
  registeredPhone,
  maxLength,
  answer,
  messagesHref,
}: {
  radgivningId: string;
  registeredPhone: string;
  maxLength: number;
  /** The action's answer to the last post: its errors, what was typed, and the id to keep. */
  answer: AdviceFormAnswer;
  messagesHref: string;
}) {
  const { t } = useTranslation("radgivning");
  const sending = useNavigation().state === "submitting";
  const errors = answer?.errors ?? {};
  const translated = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key, { max: maxLength })]));
  const values = answer?.values;
  const phone = values?.telefonnummer ?? registeredPhone;
  const phoneHelp = registeredPhone && phone === registeredPhone ? t("form.phone.helpRegistered") : t("form.phone.help");

  return (
    <Form method="post" noValidate>
      <VStack gap="space-24">
        <FormErrorSummary errors={translated} fieldIds={FIELD_IDS} />
        {/* The id of the form shown: after a refusal, the one the server kept for the retry. */}
        <input type="hidden" name="radgivningId" value={answer?.radgivningId ?? radgivningId} />
        <Textarea
          id={FIELD_IDS.beskrivelse}
          name="beskrivelse"
          label={t("form.description.label")}
          description={t("form.description.help")}
          maxLength={maxLength}
          minRows={5}
          defaultValue={values?.beskrivelse ?? ""}
          error={translated.beskrivelse}
        />
        <div className="advice-contact">
          <VStack gap="space-24">
            <RadioGroup legend={t("form.contact.legend")} name="kontaktmate" defaultValue={values?.kontaktmate || undefined} error={translated.kontaktmate}>
              {CONTACT_WAYS.map((way) => (
                <Radio key={way} value={way} id={`kontaktmate-${way}`} description={way === "MELDING" ? t("form.contact.messagesHelp") : undefined}>
                  {t(`form.contact.${way}`)}
                </Radio>
              ))}
            </RadioGroup>
            <div className="advice-phone">
              <VStack gap="space-24">
                <TextField
                  id={FIELD_IDS.telefonnummer}
                  name="telefonnummer"
                  type="tel"
                  autoComplete="tel"
                  label={t("form.phone.label")}
                  description={phoneHelp}
                  defaultValue={phone}
                  error={translated.telefonnummer}
                  htmlSize={20}
                />
                <RadioGroup legend={t("form.callTime.legend")} name="kontakttid" defaultValue={values?.kontakttid || "HELE_DAGEN"} size="small">
                  {CALL_TIMES.map((time) => (
                    <Radio key={time} value={time}>
                      {t(`form.callTime.${time}`)}
                    </Radio>
                  ))}
                </RadioGroup>
              </VStack>
            </div>
          </VStack>
        </div>
        <div>
          <Button type="submit" icon={<PaperplaneIcon aria-hidden />} loading={sending}>
            {t("form.send")}
          </Button>
        </div>
        <BodyShort>
          {t("form.messagesInstead")}{" "}
          <Link as={RemixLink} to={messagesHref}>
            {t("form.messagesLink")}
          </Link>
        </BodyShort>
      </VStack>
    </Form>
  );
}
