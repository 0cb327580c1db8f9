/** Payments: each with amount, status, period, recipient and (to the person) account. */
import { Link as RemixLink } from "@remix-run/react";
import { BodyShort, Heading, HStack, Link, Tag, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { NavText } from "~/shell/NavText";
import { useStaffView } from "./audience";
import type { Utbetaling, UtbetalingStatus } from "./view";

const statusVariant: Record<UtbetalingStatus, "info" | "success" | "warning"> = {
  PLANLAGT_UTBETALING: "info",
  UTBETALT: "success",
  STOPPET: "warning",
};

/** "1234 56 78901" as banks print it. */
export const formatKontonummer = (kontonummer: string) =>
  /^\d{11}$/.test(kontonummer) ? `${kontonummer.slice(0, 4)} ${kontonummer.slice(4, 6)} ${kontonummer.slice(6)}` : kontonummer;

export type ListedPayment = Utbetaling & { soknadId?: string; soknadSendt?: string | null };

export function PaymentItem({ payment, headingLevel = "3" }: { payment: ListedPayment; headingLevel?: "3" | "4" }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  const staff = useStaffView();
  const date = payment.status === "UTBETALT" ? (payment.utbetalingsdato ?? payment.forfallsdato) : payment.forfallsdato;
  return (
    <li className="card">
      <HStack justify="space-between" gap="space-8" wrap>
        <Heading level={headingLevel} size="xsmall">
          {payment.beskrivelse ? <NavText>{payment.beskrivelse}</NavText> : t("payments.untitled")}
        </Heading>
        <BodyShort weight="semibold">{payment.belop !== null ? format.money(payment.belop) : t("payments.noAmount")}</BodyShort>
      </HStack>
      {payment.beskrivelse ? <NavText.Note /> : null}
      <HStack gap="space-8" align="center" wrap>
        <Tag variant={statusVariant[payment.status]} size="small">
          {t(`payments.status.${payment.status}`)}
        </Tag>
        {/* The tag says "Utbetalt" or "Planlagt"; the date beside it needs no word of its own. */}
        {date ? <BodyShort size="small">{payment.status === "STOPPET" ? t("payments.dueOn", { date: format.date(date) }) : format.date(date)}</BodyShort> : null}
      </HStack>
      <VStack gap="space-4" marginBlock="space-8 space-0">
        {payment.fom && payment.tom ? <BodyShort size="small">{t("payments.period", { from: format.date(payment.fom), to: format.date(payment.tom) })}</BodyShort> : null}
        <BodyShort size="small">
          {payment.toApplicant
            ? staff
              ? t("payments.toApplicant")
              : payment.kontonummer
              ? t("payments.toYouAccount", { account: formatKontonummer(payment.kontonummer) })
              : t("payments.toYou")
            : t("payments.toOther", { name: payment.annenMottaker ?? t("payments.otherRecipient") })}
        </BodyShort>
        {payment.soknadId && !staff ? (
          <Link as={RemixLink} to={`/${language}/innsyn/${payment.soknadId}`}>
            {payment.soknadSendt ? t("payments.soknadSent", { date: format.date(payment.soknadSendt) }) : t("payments.soknad")}
          </Link>
        ) : null}
      </VStack>
    </li>
  );
}

export function PaymentList({ payments, headingLevel }: { payments: readonly ListedPayment[]; headingLevel?: "3" | "4" }) {
  return (
    <VStack as="ul" gap="space-12" className="plain-list">
      {payments.map((payment) => (
        <PaymentItem key={`${payment.soknadId ?? ""}-${payment.referanse}`} payment={payment} headingLevel={headingLevel} />
      ))}
    </VStack>
  );
}
