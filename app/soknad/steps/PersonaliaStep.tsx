import { BodyShort, Button, Checkbox, Fieldset, FormSummary, Radio, RadioGroup, ReadMore, TextField, VStack } from "@navikt/ds-react";
import { EyeIcon, EyeSlashIcon } from "@navikt/aksel-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { addressChoices, type AddressChoice } from "../options";
import { fieldId, valueOf, type StepViewProps } from "../step-view";


/** Country names come from the server (Chromium lacks nynorsk names); two codes are ours to say. */
function citizenshipName(code: string, name: string | undefined, t: (key: string) => string): string {
  const upper = code.toUpperCase();
  if (upper === "XXX") return t("register.stateless");
  if (upper === "XUK") return t("register.unknownCitizenship");
  return name ?? upper;
}

/** An 11-digit account number as 1234 56 78901; anything else as it was typed. */
function formatAccountNumber(value: string): string {
  return /^\d{11}$/.test(value) ? `${value.slice(0, 4)} ${value.slice(4, 6)} ${value.slice(6)}` : value;
}

const addressLabels: Record<AddressChoice, string> = {
  folkeregistrert: "address.folkeregistrert",
  midlertidig: "address.midlertidig",
  annen: "address.annen",
};

export function PersonaliaStep(props: StepViewProps<"personalia">) {
  const { t } = useTranslation("soknad-personalia");
  const { values, errors, register } = props;
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const has = (name: string) => Object.hasOwn(values, name);

  const [addressChoice, setAddressChoice] = useState(valueOf(values, "addressChoice"));
  const [noBankAccount, setNoBankAccount] = useState(valueOf(values, "noBankAccount") === "on");
  const [showFnr, setShowFnr] = useState(false);
  // The show/hide button only works with JavaScript, so it appears only after hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const offered = addressChoices.filter(
    (choice) =>
      choice === "annen" ||
      (choice === "folkeregistrert" && (register.registeredAddress !== null || addressChoice === choice)) ||
      (choice === "midlertidig" && (register.temporaryAddress !== null || addressChoice === choice)),
  );
  const addressOf: Record<AddressChoice, string | null> = {
    folkeregistrert: register.registeredAddress,
    midlertidig: register.temporaryAddress,
    annen: null,
  };

  // A saved answer wins, even an empty one; otherwise the registers prefill.
  const phone = has("phone") ? valueOf(values, "phone") : props.answers.personalia ? "" : (register.phone ?? "");
  const accountNumber = has("accountNumber") ? valueOf(values, "accountNumber") : (register.accountNumber ?? "");
  const phoneFromRegister = !has("phone") && !props.answers.personalia && register.phone !== null;
  const accountFromRegister = !has("accountNumber") && register.accountNumber !== null;

  const fnrVisible = `${register.fnr.slice(0, 6)} ${register.fnr.slice(6)}`;

  return (
    <VStack gap="space-32">
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("register.heading")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("register.name")}</FormSummary.Label>
            <FormSummary.Value>{register.name}</FormSummary.Value>
          </FormSummary.Answer>
          <FormSummary.Answer>
            <FormSummary.Label>{t("register.fnr")}</FormSummary.Label>
            <FormSummary.Value>
              {showFnr ? (
                <span>{fnrVisible}</span>
              ) : (
                <span>
                  {register.fnr.slice(0, 6)}
                  <span aria-hidden="true"> *****</span>
                  <span className="sr-only"> {t("register.fnrHidden")}</span>
                </span>
              )}{" "}
              {hydrated ? (
                <Button
                  type="button"
                  variant="tertiary"
                  size="small"
                  icon={showFnr ? <EyeSlashIcon aria-hidden /> : <EyeIcon aria-hidden />}
                  onClick={() => setShowFnr((shown) => !shown)}
                >
                  {showFnr ? t("register.hideFnr") : t("register.showFnr")}
                </Button>
              ) : null}
            </FormSummary.Value>
          </FormSummary.Answer>
          <FormSummary.Answer>
            <FormSummary.Label>{t("register.citizenship")}</FormSummary.Label>
            <FormSummary.Value suppressHydrationWarning>
              {register.citizenship.length > 0
                ? register.citizenship.map((code, index) => citizenshipName(code, register.citizenshipNames?.[index], t)).join(", ")
                : t("register.noCitizenship")}
            </FormSummary.Value>
          </FormSummary.Answer>
        </FormSummary.Answers>
        <FormSummary.Footer>
          <BodyShort size="small">{t("register.wrong")}</BodyShort>
        </FormSummary.Footer>
      </FormSummary>

      <VStack gap="space-16">
        <RadioGroup
          legend={t("address.legend")}
          description={t("address.description")}
          name="addressChoice"
          defaultValue={valueOf(values, "addressChoice") || undefined}
          onChange={(value: string) => setAddressChoice(value)}
          error={error("addressChoice")}
        >
          {offered.map((choice, index) => {
            const address = addressOf[choice];
            return (
              <Radio
                key={choice}
                value={choice}
                id={index === 0 ? fieldId("addressChoice") : undefined}
                description={address ? t("address.fromRegister", { address }) : undefined}
              >
                {t(addressLabels[choice])}
              </Radio>
            );
          })}
        </RadioGroup>

        {addressChoice === "annen" ? (
          <Fieldset legend={t("otherAddress.legend")} description={t("otherAddress.description")}>
            <TextField
              id={fieldId("otherStreet")}
              name="otherStreet"
              label={t("otherAddress.street")}
              autoComplete="street-address"
              defaultValue={valueOf(values, "otherStreet")}
              error={error("otherStreet")}
            />
            <TextField
              id={fieldId("otherPostnummer")}
              name="otherPostnummer"
              label={t("otherAddress.postnummer")}
              inputMode="numeric"
              autoComplete="postal-code"
              htmlSize={6}
              defaultValue={valueOf(values, "otherPostnummer")}
              error={error("otherPostnummer")}
            />
            <TextField
              id={fieldId("otherPoststed")}
              name="otherPoststed"
              label={t("otherAddress.poststed")}
              autoComplete="address-level2"
              defaultValue={valueOf(values, "otherPoststed")}
              error={error("otherPoststed")}
            />
          </Fieldset>
        ) : null}

        <ReadMore header={t("address.readMore.header")}>{t("address.readMore.body")}</ReadMore>
      </VStack>

      <TextField
        id={fieldId("phone")}
        name="phone"
        type="tel"
        autoComplete="tel"
        label={t("phone.label")}
        description={
          phoneFromRegister ? t("phone.descriptionFromRegister") : register.notFetched.includes("krr") ? t("phone.descriptionNotFetched") : t("phone.description")
        }
        defaultValue={phone}
        error={error("phone")}
      />

      <VStack gap="space-8">
        {noBankAccount ? null : (
          <TextField
            id={fieldId("accountNumber")}
            name="accountNumber"
            inputMode="numeric"
            autoComplete="off"
            htmlSize={16}
            label={t("account.label")}
            description={
              accountFromRegister
                ? t("account.descriptionFromRegister")
                : register.notFetched.includes("kontoregister")
                  ? t("account.descriptionNotFetched")
                  : t("account.description")
            }
            defaultValue={formatAccountNumber(accountNumber)}
            error={error("accountNumber")}
          />
        )}
        <Checkbox
          name="noBankAccount"
          value="on"
          defaultChecked={noBankAccount}
          description={t("account.noAccountDescription")}
          onChange={(event) => setNoBankAccount(event.target.checked)}
        >
          {t("account.noAccount")}
        </Checkbox>
      </VStack>

      {register.office ? (
        <BodyShort>{t("office", { office: register.office.name, municipality: register.office.municipality })}</BodyShort>
      ) : null}
    </VStack>
  );
}
