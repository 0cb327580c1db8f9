/**
 * The budget's page: the form (works without JavaScript: every button posts) and, under it, the
 * month's summary and the debts in the order to deal with them. With JavaScript the summary is
 * worked out again from the form as one types, with the same budget.ts: nothing leaves the browser.
 */
import { Form, Link as RemixLink, useNavigation } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, Fieldset, Heading, HStack, Link, Select, Table, TextField, VStack } from "@navikt/ds-react";
import { PlusIcon, TrashIcon } from "@navikt/aksel-icons";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { Page, Section } from "~/shell/Page";
import {
  ADD_DEBT,
  MAX_DEBTS,
  budgetFormFrom,
  calculateBudget,
  costFields,
  debtKinds,
  fieldName,
  incomeFields,
  readBudget,
  removeDebtIntent,
  type BudgetErrors,
  type BudgetForm,
  type DebtRow,
} from "./budget";
import type { BudgetAnswer } from "./budget.server";

export type BudgetPageData = { form: BudgetForm; loggedIn: boolean; savedAt: string | null; returnTo: string };

const idOf = (name: string) => `budget-${name.replaceAll(".", "-")}`;

export function BudgetPage({ page, answer }: { page: BudgetPageData; answer: BudgetAnswer | undefined }) {
  const { t } = useTranslation("veiviser-verktoy");
  const language = useLanguage();
  const format = useFormat();
  const serverForm = answer?.form ?? page.form;
  const serverErrors: BudgetErrors = answer?.errors ?? {};
  // What is typed since the last answer from the server (JavaScript only); null: the server's form.
  const [typed, setTyped] = useState<BudgetForm | null>(null);
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  useEffect(() => setTyped(null), [answer, page]);
  const busy = useNavigation().state !== "idle";
  const debtsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (answer?.focus === "debts") debtsHeading.current?.focus();
  }, [answer]);

  const shown = typed ?? serverForm;
  const { amounts } = readBudget(shown);
  const result = calculateBudget(amounts);
  const money = (amount: number) => format.money(amount);

  const labelOf = (name: string): string => {
    const [group, first, part] = name.split(".");
    if (group === "income") return t(`budget.income.${first}`);
    if (group === "cost") return t(`budget.costs.${first}`);
    return t("budget.debts.fieldInRow", { field: t(`budget.debts.${part}`), number: Number(first) + 1 });
  };
  const message = (name: string) => (serverErrors[name] ? t(serverErrors[name], { field: labelOf(name) }) : undefined);
  const summary = Object.fromEntries(Object.keys(serverErrors).map((name) => [name, message(name)]));
  const fieldIds = Object.fromEntries(Object.keys(serverErrors).map((name) => [name, idOf(name)]));

  const onInput = (event: FormEvent<HTMLFormElement>) => setTyped(budgetFormFrom(new FormData(event.currentTarget)));

  const amountField = (name: string, label: string, value: string) => (
    <TextField key={name} id={idOf(name)} name={name} label={label} inputMode="decimal" autoComplete="off" defaultValue={value} error={message(name)} htmlSize={14} />
  );

  const debtRow = (row: DebtRow, index: number) => (
    <Fieldset key={index} legend={t("budget.debts.rowLegend", { number: index + 1 })} className="budget-debt">
      <Select id={idOf(fieldName.debt(index, "kind"))} name={fieldName.debt(index, "kind")} label={t("budget.debts.kind")} defaultValue={row.kind} error={message(fieldName.debt(index, "kind"))}>
        <option value="">{t("budget.debts.chooseKind")}</option>
        {debtKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`budget.debtKinds.${kind}`)}
          </option>
        ))}
      </Select>
      <TextField
        id={idOf(fieldName.debt(index, "creditor"))}
        name={fieldName.debt(index, "creditor")}
        label={t("budget.debts.creditor")}
        description={t("budget.debts.creditorDescription")}
        autoComplete="off"
        defaultValue={row.creditor}
        error={message(fieldName.debt(index, "creditor"))}
      />
      {amountField(fieldName.debt(index, "owed"), t("budget.debts.owed"), row.owed)}
      {amountField(fieldName.debt(index, "monthly"), t("budget.debts.monthly"), row.monthly)}
      <div>
        <Button type="submit" name="intent" value={removeDebtIntent(index)} variant="tertiary" size="small" icon={<TrashIcon aria-hidden />} disabled={busy}>
          {t("budget.debts.remove", { number: index + 1 })}
        </Button>
      </div>
    </Fieldset>
  );

  const loginPath = `/${language}/logg-inn?returnTo=${encodeURIComponent(page.returnTo)}`;

  return (
    <Page title={t("budget.title")}>
      <BodyLong size="large">{t("budget.intro")}</BodyLong>
      <BodyLong className="budget-no-print">{page.loggedIn ? t("budget.loggedInNote") : t("budget.anonymousNote")}</BodyLong>
      {answer?.notice ? (
        <Alert variant="success" role="status" className="budget-no-print">
          {t(`budget.notice.${answer.notice}`)}
        </Alert>
      ) : null}
      <FormErrorSummary errors={summary} fieldIds={fieldIds} />

      <Form method="post" noValidate className="budget-form" key={JSON.stringify(serverForm)} onInput={onInput} onChange={onInput}>
        {/* Enter in a field recalculates: the first submit button of a form is the one Enter presses. */}
        <button type="submit" name="intent" value="calculate" className="sr-only" tabIndex={-1} aria-hidden="true" />
        <VStack gap="space-32">
          <Fieldset legend={t("budget.income.legend")} description={t("budget.amountHint")}>
            {incomeFields.map((field) => amountField(fieldName.income(field), t(`budget.income.${field}`), shown.income[field]))}
          </Fieldset>
          <Fieldset legend={t("budget.costs.legend")} description={t("budget.amountHint")}>
            {costFields.map((field) => amountField(fieldName.cost(field), t(`budget.costs.${field}`), shown.costs[field]))}
          </Fieldset>
          <section aria-labelledby="budget-debts">
            <VStack gap="space-16">
              <Heading level="2" size="medium" id="budget-debts" ref={debtsHeading} tabIndex={-1}>
                {t("budget.debts.heading")}
              </Heading>
              <BodyLong>{t("budget.debts.intro")}</BodyLong>
              {serverForm.debts.map(debtRow)}
              {serverForm.debts.length < MAX_DEBTS ? (
                <div>
                  <Button type="submit" name="intent" value={ADD_DEBT} variant="secondary" icon={<PlusIcon aria-hidden />} disabled={busy}>
                    {t("budget.debts.add")}
                  </Button>
                </div>
              ) : (
                <BodyShort>{t("budget.debts.max", { max: MAX_DEBTS })}</BodyShort>
              )}
            </VStack>
          </section>
          <HStack gap="space-16" wrap className="budget-actions">
            <Button type="submit" name="intent" value="calculate" disabled={busy}>
              {t("budget.calculate")}
            </Button>
            {page.loggedIn ? (
              <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
                {t("budget.save")}
              </Button>
            ) : null}
          </HStack>
        </VStack>
      </Form>

      <Section id="budget-summary" title={t("budget.summary.heading")}>
        <VStack gap="space-16">
          <Table>
            <Table.Body>
              <Table.Row>
                <Table.HeaderCell scope="row">{t("budget.summary.income")}</Table.HeaderCell>
                <Table.DataCell align="right" data-testid="budget-income">{money(result.income)}</Table.DataCell>
              </Table.Row>
              <Table.Row>
                <Table.HeaderCell scope="row">{t("budget.summary.fixedCosts")}</Table.HeaderCell>
                <Table.DataCell align="right">{money(result.fixedCosts)}</Table.DataCell>
              </Table.Row>
              <Table.Row>
                <Table.HeaderCell scope="row">{t("budget.summary.debtPayments")}</Table.HeaderCell>
                <Table.DataCell align="right">{money(result.debtPayments)}</Table.DataCell>
              </Table.Row>
              <Table.Row>
                <Table.HeaderCell scope="row">{t("budget.summary.balance")}</Table.HeaderCell>
                <Table.DataCell align="right" data-testid="budget-balance">
                  <strong>{money(result.balance)}</strong>
                </Table.DataCell>
              </Table.Row>
            </Table.Body>
          </Table>
          <BodyLong aria-live="polite" data-testid="budget-verdict">
            {result.balance < 0 ? t("budget.summary.short", { amount: money(-result.balance) }) : t("budget.summary.left", { amount: money(result.balance) })}
          </BodyLong>
          <div className="budget-print-only">
            <Table size="small">
              <Table.Body>
                {incomeFields.map((field) => (
                  <Table.Row key={field}>
                    <Table.HeaderCell scope="row">{t(`budget.income.${field}`)}</Table.HeaderCell>
                    <Table.DataCell align="right">{money(amounts.income[field])}</Table.DataCell>
                  </Table.Row>
                ))}
                {costFields.map((field) => (
                  <Table.Row key={field}>
                    <Table.HeaderCell scope="row">{t(`budget.costs.${field}`)}</Table.HeaderCell>
                    <Table.DataCell align="right">{money(amounts.costs[field])}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </VStack>
      </Section>

      <Section id="budget-priority" title={t("budget.priority.heading")}>
        {result.debts.length === 0 ? (
          <BodyLong>{t("budget.priority.none")}</BodyLong>
        ) : (
          <VStack gap="space-16">
            <BodyLong>{t("budget.priority.intro")}</BodyLong>
            <Table data-testid="budget-priority">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("budget.priority.order")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("budget.debts.kind")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("budget.debts.creditor")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {t("budget.debts.owed")}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {t("budget.debts.monthly")}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {result.debts.map((debt, index) => (
                  <Table.Row key={index}>
                    <Table.DataCell>{t(`budget.priority.levels.${debt.priority}`)}</Table.DataCell>
                    <Table.DataCell>{t(`budget.debtKinds.${debt.kind}`)}</Table.DataCell>
                    <Table.DataCell>{debt.creditor}</Table.DataCell>
                    <Table.DataCell align="right">{money(debt.owed)}</Table.DataCell>
                    <Table.DataCell align="right">{money(debt.monthly)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <BodyLong className="budget-no-print">
              <Link as={RemixLink} to={`/${language}/veiviser/okonomi-og-gjeld/hva-betaler-du-forst`}>
                {t("budget.priority.readMore")}
              </Link>
            </BodyLong>
          </VStack>
        )}
      </Section>

      <Section id="budget-keep" title={t("budget.keep.heading")}>
        <VStack gap="space-16" className="budget-no-print">
          {page.loggedIn ? (
            <>
              <BodyLong>{page.savedAt ? t("budget.keep.savedAt", { date: format.dateTime(page.savedAt) }) : t("budget.keep.notSaved")}</BodyLong>
              {page.savedAt ? (
                <HStack gap="space-16" wrap align="center">
                  <Link href={`/${language}/veiviser/okonomi-og-gjeld/budsjett/pdf`} download>
                    {t("budget.keep.pdf")}
                  </Link>
                  {canPrint ? (
                    <Button type="button" variant="secondary" size="small" onClick={() => window.print()}>
                      {t("budget.keep.print")}
                    </Button>
                  ) : null}
                  <Form method="post">
                    <Button type="submit" name="intent" value="delete" variant="tertiary" size="small" icon={<TrashIcon aria-hidden />} disabled={busy}>
                      {t("budget.keep.delete")}
                    </Button>
                  </Form>
                </HStack>
              ) : null}
            </>
          ) : (
            <BodyLong>
              <Link as={RemixLink} to={loginPath}>
                {t("budget.keep.logIn")}
              </Link>{" "}
              {t("budget.keep.logInWhy")}
            </BodyLong>
          )}
          {!page.loggedIn || !page.savedAt ? <BodyLong>{t("budget.keep.printAnyway")}</BodyLong> : null}
        </VStack>
      </Section>
    </Page>
  );
}
