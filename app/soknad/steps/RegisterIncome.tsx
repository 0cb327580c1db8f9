import { BodyShort, Heading, Table, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import { NavText } from "~/shell/NavText";
import type { RegisterView } from "../step-view";

/** What the registers say about the person's income, shown before the questions about it. */
export function RegisterIncome({ income, consent }: { income: NonNullable<RegisterView["income"]>; consent: { tax: boolean; bostotte: boolean } }) {
  const { t } = useTranslation("soknad");
  const format = useFormat();
  return (
    <VStack gap="space-24">
      <section aria-labelledby="income-nav">
        <Heading level="2" size="small" spacing id="income-nav">
          {t("income.navTitle")}
        </Heading>
        {income.navPayments === null ? (
          <BodyShort>{t("income.notFetched")}</BodyShort>
        ) : income.navPayments.length === 0 ? (
          <BodyShort>{t("income.navNone")}</BodyShort>
        ) : (
          <>
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("income.benefit")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("income.date")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{t("income.amount")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {income.navPayments.map((payment, index) => (
                  <Table.Row key={index}>
                    <Table.DataCell>
                      <NavText>{payment.benefit}</NavText>
                    </Table.DataCell>
                    <Table.DataCell>{format.date(payment.date, "short")}</Table.DataCell>
                    <Table.DataCell align="right">{format.money(payment.amount)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <NavText.Note source="register" />
          </>
        )}
      </section>
      {consent.tax ? (
        <section aria-labelledby="income-tax">
          <Heading level="2" size="small" spacing id="income-tax">
            {t("income.taxTitle")}
          </Heading>
          {income.tax === null ? (
            <BodyShort>{t("income.notFetched")}</BodyShort>
          ) : income.tax.length === 0 ? (
            <BodyShort>{t("income.taxNone")}</BodyShort>
          ) : (
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("income.payer")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("income.month")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{t("income.gross")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {income.tax.map((row, index) => (
                  <Table.Row key={index}>
                    <Table.DataCell>{row.payer}</Table.DataCell>
                    <Table.DataCell>{row.month}</Table.DataCell>
                    <Table.DataCell align="right">{format.money(row.gross)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      ) : null}
      {consent.bostotte ? (
        <section aria-labelledby="income-bostotte">
          <Heading level="2" size="small" spacing id="income-bostotte">
            {t("income.bostotteTitle")}
          </Heading>
          {income.bostotte === null ? (
            <BodyShort>{t("income.notFetched")}</BodyShort>
          ) : income.bostotte.length === 0 ? (
            <BodyShort>{t("income.bostotteNone")}</BodyShort>
          ) : (
            <ul className="plain-list">
              {income.bostotte.map((row, index) => (
                <li key={index}>
                  <BodyShort>{t("income.bostotteRow", { date: format.date(row.date, "short"), amount: format.money(row.amount) })}</BodyShort>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </VStack>
  );
}
