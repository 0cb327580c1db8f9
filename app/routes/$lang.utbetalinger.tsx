import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, Button, Heading, HStack, Select, TextField, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { loadOverview, paymentsOf } from "~/innsyn/innsyn.server";
import { arrangePayments, parsePaymentQuery, paymentFilters } from "~/innsyn/payment-filter";
import { PaymentList } from "~/innsyn/PaymentList";
import { intlLocale } from "~/i18n/languages";
import { useLanguage } from "~/i18n/use-language";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "innsyn:paymentsPage.title", { errors: Boolean(args.data?.query.errors.fra || args.data?.query.errors.til) });

export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const now = new Date();
  const query = parsePaymentQuery(new URL(request.url).searchParams, now);
  const overview = await loadOverview(applicant.fnr, now);
  if (overview.kind !== "ok") return { query, unavailable: true, upcoming: [], months: [] };
  return { query, unavailable: false, ...arrangePayments(paymentsOf(overview.soknader), query) };
}

export default function PaymentsPage() {
  const { t } = useTranslation("innsyn");
  const { query, unavailable, upcoming, months } = useLoaderData<typeof loader>();
  const language = useLanguage();
  const monthName = (month: string) => {
    const name = new Intl.DateTimeFormat(intlLocale[language], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const errors = {
    fra: query.errors.fra ? t(`paymentsPage.errors.${query.errors.fra}`) : undefined,
    til: query.errors.til ? t(`paymentsPage.errors.${query.errors.til}`) : undefined,
  };
  return (
    <Page title={t("paymentsPage.title")}>
      <FormErrorSummary errors={errors} fieldIds={{ fra: "payments-fra", til: "payments-til" }} />
      <Form method="get" aria-labelledby="payments-filter-heading">
        <VStack gap="space-16">
          <Heading level="2" size="small" id="payments-filter-heading">
            {t("paymentsPage.filterHeading")}
          </Heading>
          <Select label={t("paymentsPage.filterLegend")} name="filter" defaultValue={query.filter}>
            {paymentFilters.map((filter) => (
              <option key={filter} value={filter}>
                {t(`paymentsPage.filters.${filter}`)}
              </option>
            ))}
          </Select>
          <HStack gap="space-16" wrap>
            <TextField
              id="payments-fra"
              name="fra"
              label={t("paymentsPage.from")}
              description={t("paymentsPage.dateHint")}
              defaultValue={query.input.fra}
              error={errors.fra}
              htmlSize={12}
              autoComplete="off"
            />
            <TextField
              id="payments-til"
              name="til"
              label={t("paymentsPage.to")}
              description={t("paymentsPage.dateHint")}
              defaultValue={query.input.til}
              error={errors.til}
              htmlSize={12}
              autoComplete="off"
            />
          </HStack>
          <div>
            <Button type="submit" variant="secondary">
              {t("paymentsPage.show")}
            </Button>
          </div>
        </VStack>
      </Form>
      {unavailable ? <Alert variant="error">{t("overview.unavailable")}</Alert> : null}
      {!unavailable && upcoming.length === 0 && months.length === 0 ? <BodyLong>{t("paymentsPage.none")}</BodyLong> : null}
      {upcoming.length > 0 ? (
        <Section id="payments-upcoming" title={t("paymentsPage.upcoming")}>
          <PaymentList payments={upcoming} />
        </Section>
      ) : null}
      {months.length > 0 ? (
        <Section id="payments-past" title={t("paymentsPage.past")}>
          <VStack gap="space-24">
            {months.map((group) => (
              <section key={group.month} aria-labelledby={`month-${group.month}`}>
                <Heading level="3" size="small" spacing id={`month-${group.month}`}>
                  {monthName(group.month)}
                </Heading>
                <PaymentList payments={group.payments} headingLevel="4" />
              </section>
            ))}
          </VStack>
        </Section>
      ) : null}
    </Page>
  );
}
