/**
 * The call-back form (ring tilbake): a plain form that posts without JavaScript. The hidden
 * ringTilbakeId makes a second post of it the same request. Next to the urgency, always shown
 * (so it needs no script), what to do when it cannot wait: the office's on-call phone for social
 * services, its hours and whether it is staffed now, or what the person can do tonight.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Alert, BodyLong, Button, Heading, List, Radio, RadioGroup, Select, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import type { CallbackFormValues, CallbackOffice } from "./ringtilbake.server";

const TEMA = ["OKONOMISK_SOSIALHJELP", "SOKNAD", "UTBETALING", "VEDTAK", "OKONOMISK_RADGIVNING", "ANNET"] as const;
const HASTEGRAD = ["I_DAG", "TO_VIRKEDAGER", "NAR_DET_PASSER"] as const;
const TIMES = ["HELE_DAGEN", "FORMIDDAG", "ETTERMIDDAG"] as const;

const FIELD_IDS = { tema: "tema-OKONOMISK_SOSIALHJELP", hastegrad: "hastegrad-I_DAG", telefonnummer: "telefonnummer", tolkesprak: "tolkesprak", notat: "notat", form: "tema-OKONOMISK_SOSIALHJELP" } as const;

export type CallbackFormAnswer = { errors: Record<string, string>; values: CallbackFormValues; ringTilbakeId: string } | undefined;

/** When it cannot wait: the on-call phone, or what to do tonight. */
function TodayPanel({ office }: { office: CallbackOffice }) {
  const { t } = useTranslation("nks");
  const onCall = office && office !== "unavailable" ? office.onCall : null;
  return (
    <Alert variant={onCall?.open ? "info" : "warning"} role="region" aria-labelledby="i-dag-tittel" id="i-dag">
      <Heading level="2" size="xsmall" spacing id="i-dag-tittel">
        {t("callbackForm.today.title")}
      </Heading>
      {office === "unavailable" ? <BodyLong spacing>{t("callbackForm.today.officeUnavailable")}</BodyLong> : null}
      {office && office !== "unavailable" && onCall ? (
        <>
          <BodyLong spacing>{t("callbackForm.today.onCall", { office: office.name, phone: onCall.telefon })}</BodyLong>
          <BodyLong>{t("callbackForm.today.hours")}</BodyLong>
          <List size="small">
            {onCall.apningstider.map((hours) => (
              <List.Item key={`${hours.dag}-${hours.fra}`}>{t("callbackForm.today.day", { day: t(`callbackForm.weekday.${hours.dag}`), from: hours.fra, to: hours.til })}</List.Item>
            ))}
          </List>
          <BodyLong spacing weight="semibold">
            {onCall.open ? t("callbackForm.today.openNow") : t("callbackForm.today.closedNow")}
          </BodyLong>
        </>
      ) : null}
      {office && office !== "unavailable" && !onCall ? <BodyLong spacing>{t("callbackForm.today.noOnCall", { office: office.name })}</BodyLong> : null}
      {!onCall?.open ? <BodyLong>{t("callbackForm.today.tonight")}</BodyLong> : null}
    </Alert>
  );
}

export function CallbackFormView({
  ringTilbakeId,
  registeredPhone,
  office,
  maxLength,
  languages,
  answer,
}: {
  ringTilbakeId: string;
  registeredPhone: string;
  office: CallbackOffice;
  maxLength: number;
  /** The interpreter languages, named (by the server) in the page's language. */
  languages: readonly { code: string; name: string }[];
  answer: CallbackFormAnswer;
}) {
  const { t } = useTranslation("nks");
  const sending = useNavigation().state === "submitting";
  const errors = answer?.errors ?? {};
  const translated = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key, { max: maxLength })]));
  const values = answer?.values;
  const phone = values?.telefonnummer ?? registeredPhone;

  return (
    <Form method="post" noValidate>
      <VStack gap="space-24">
        <FormErrorSummary errors={translated} fieldIds={FIELD_IDS} />
        <input type="hidden" name="ringTilbakeId" value={answer?.ringTilbakeId ?? ringTilbakeId} />
        <RadioGroup legend={t("callbackForm.tema.legend")} name="tema" defaultValue={values?.tema || undefined} error={translated.tema}>
          {TEMA.map((tema) => (
            <Radio key={tema} value={tema} id={`tema-${tema}`}>
              {t(`callbacks.tema.${tema}`)}
            </Radio>
          ))}
        </RadioGroup>
        <RadioGroup legend={t("callbackForm.hastegrad.legend")} name="hastegrad" defaultValue={values?.hastegrad || undefined} error={translated.hastegrad}>
          {HASTEGRAD.map((hastegrad) => (
            <Radio key={hastegrad} value={hastegrad} id={`hastegrad-${hastegrad}`}>
              {t(`callbacks.hastegrad.${hastegrad}`)}
            </Radio>
          ))}
        </RadioGroup>
        <TodayPanel office={office} />
        <TextField
          id={FIELD_IDS.telefonnummer}
          name="telefonnummer"
          type="tel"
          label={t("callbackForm.phone.label")}
          description={registeredPhone && phone === registeredPhone ? t("callbackForm.phone.helpRegistered") : t("callbackForm.phone.help")}
          defaultValue={phone}
          error={translated.telefonnummer}
          htmlSize={20}
        />
        <RadioGroup legend={t("callbackForm.time.legend")} name="kontakttid" defaultValue={values?.kontakttid || "HELE_DAGEN"} size="small">
          {TIMES.map((time) => (
            <Radio key={time} value={time}>
              {t(`callbackForm.time.${time}`)}
            </Radio>
          ))}
        </RadioGroup>
        <RadioGroup legend={t("callbackForm.interpreter.legend")} name="tolk" defaultValue={values?.tolk || "nei"} size="small">
          <Radio value="nei">{t("callbackForm.interpreter.no")}</Radio>
          <Radio value="ja">{t("callbackForm.interpreter.yes")}</Radio>
        </RadioGroup>
        <Select id={FIELD_IDS.tolkesprak} name="tolkesprak" label={t("callbackForm.interpreter.language")} description={t("callbackForm.interpreter.languageHelp")} defaultValue={values?.tolkesprak ?? ""} error={translated.tolkesprak}>
          <option value="">{t("callbackForm.interpreter.choose")}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name}
            </option>
          ))}
        </Select>
        <Textarea
          id={FIELD_IDS.notat}
          name="notat"
          label={t("callbackForm.note.label")}
          description={t("callbackForm.note.help")}
          maxLength={maxLength}
          minRows={4}
          defaultValue={values?.notat ?? ""}
          error={translated.notat}
        />
        <div>
          <Button type="submit" loading={sending}>
            {t("callbackForm.submit")}
          </Button>
        </div>
      </VStack>
    </Form>
  );
}
