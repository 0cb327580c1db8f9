import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { AdviceForm } from "~/radgivning/AdviceForm";
import { AdviceRequestList } from "~/radgivning/AdviceRequests";
import { loadAdviceForm, NO_STORE, sendAdviceRequest, type AdviceActionData } from "~/radgivning/radgivning.server";
import "~/radgivning/radgivning.css";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "radgivning:title", { errors: Object.keys(actionDataOf<AdviceActionData>(args)?.errors ?? {}).length > 0 });
export const headers: HeadersFunction = () => NO_STORE;

export const loader = ({ request, params }: LoaderFunctionArgs) => loadAdviceForm(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => sendAdviceRequest(request, params);

export default function AskForAdvice() {
  const { t } = useTranslation("radgivning");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <Page title={t("title")}>
      <BodyLong size="large">{t("intro")}</BodyLong>
      <BodyLong>{t("office")}</BodyLong>
      <Section id="advice-form" title={t("form.heading")}>
        <AdviceForm radgivningId={data.radgivningId} registeredPhone={data.registeredPhone} maxLength={data.maxLength} answer={answer} messagesHref={`/${language}/meldinger`} />
      </Section>
      {data.earlier.kind === "unavailable" ? (
        <Alert variant="warning">{t("list.unavailable")}</Alert>
      ) : data.earlier.requests.length > 0 ? (
        <Section id="advice-earlier" title={t("list.heading")}>
          <AdviceRequestList requests={data.earlier.requests} />
        </Section>
      ) : null}
    </Page>
  );
}
