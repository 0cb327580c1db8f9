import { BodyLong, BodyShort, Table, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import type { RatePeriod } from "./rates";

/** The rows, in the order a reader looks for them (the keys of guideline-rates.json). */
const rateCategories = ["single", "couple", "sharedHousehold", "child0to5", "child6to10", "child11to17"] as const;

/**
 * The state's guideline rates (guideline-rates.json) per month, the ones in force and the ones before,
 * with what they are: guidelines, each municipality decides, and anyone may apply.
 */
export function RatesTable({ current, previous }: { current: RatePeriod; previous: RatePeriod | null }) {
  const { t } = useTranslation("veiviser");
  const format = useFormat();
  return (
    <VStack gap="space-16">
      <div className="table-scroll" role="region" aria-labelledby="rates-caption" tabIndex={0}>
        <Table>
          <caption id="rates-caption">
            {t("rates.caption", { date: format.date(current.validFrom) })}
          </caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("rates.who")}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right">
                {t("rates.from", { date: format.date(current.validFrom) })}
              </Table.HeaderCell>
              {previous ? (
                <Table.HeaderCell scope="col" align="right">
                  {t("rates.from", { date: format.date(previous.validFrom) })}
                </Table.HeaderCell>
              ) : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rateCategories.map((category) => (
              <Table.Row key={category}>
                <Table.HeaderCell scope="row">{t(`rates.category.${category}`)}</Table.HeaderCell>
                <Table.DataCell align="right">{format.money(current.monthly[category])}</Table.DataCell>
                {previous ? <Table.DataCell align="right">{format.money(previous.monthly[category])}</Table.DataCell> : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <BodyShort size="small">{t("rates.source", { source: current.source, year: current.year })}</BodyShort>
      <BodyLong>{t("rates.guidelines")}</BodyLong>
      <BodyLong>
        <strong>{t("rates.applyAnyway")}</strong>
      </BodyLong>
    </VStack>
  );
}
