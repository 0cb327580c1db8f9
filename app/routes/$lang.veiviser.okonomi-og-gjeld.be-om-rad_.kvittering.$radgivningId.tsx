import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, HStack, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { AdviceRequestList, AdviceText } from "~/radgivning/AdviceRequests";
import { loadAdviceReceipt, NO_STORE } from "~/radgivning/radgivning.server";
import "~/radgivning/radgivning.css";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.kind === "ok" ? "radgivning:receipt.title" : "radgivning:title");
export const headers: HeadersFunction = () => NO_STORE;

export const loader = ({ request, params }: LoaderFunctionArgs) => loadAdviceReceipt(request, params);

export default function AdviceReceipt() {
  const { t } = useTranslation("radgivning");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const links = (
    <HStack gap="space-16" wrap>
      <Link as={RemixLink} to={`/${language}/meldinger`}>
        {t("form.messagesLink")}
      </Link>
      <Link as={RemixLink} to={`/${language}/veiviser/okonomi-og-gjeld`}>
        {t("receipt.guideLink")}
      </Link>
    </HStack>
  );
  if (data.kind !== "ok") {
    return (
      <Page title={t("title")}>
        <Alert variant="warning">{t("receipt.unavailable")}</Alert>
        {links}
      </Page>
    );
  }
  const { received, earlier } = data;
  return (
    <Page title={t("receipt.title")}>
      <Alert variant="success">{t("receipt.received", { office: received.office, time: received.receivedAt })}</Alert>
      <Section id="advice-next" title={t("receipt.nextHeading")}>
        <VStack gap="space-12">
          <BodyLong>{t(`receipt.next.${received.contactWay}`, { phone: received.phone ?? "" })}</BodyLong>
          <BodyLong>{t("receipt.prepare")}</BodyLong>
          <BodyLong>{t("receipt.debtPhone")}</BodyLong>
        </VStack>
      </Section>
      <Section id="advice-text" title={t("receipt.yourText")}>
        <AdviceText text={received.description} />
      </Section>
      {earlier.length > 0 ? (
        <Section id="advice-earlier" title={t("list.earlierHeading")}>
          <AdviceRequestList requests={earlier} />
        </Section>
      ) : null}
      {links}
    </Page>
  );
}
