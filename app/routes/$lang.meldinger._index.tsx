import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { useLanguage } from "~/i18n/use-language";
import { ConversationList } from "~/meldinger/MessageParts";
import { listConversations } from "~/meldinger/samtaler.server";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "meldinger:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return listConversations(applicant.fnr);
}

export default function Messages() {
  const { t } = useTranslation("meldinger");
  const data = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <Page title={t("title")}>
      <BodyLong>{t("intro")}</BodyLong>
      <Alert variant="info" size="small">
        {t("phishing")}
      </Alert>
      {data.kind === "ok" ? (
        <Section id="conversations" title={t("list.heading")}>
          <ConversationList conversations={data.conversations} base={`/${language}/meldinger`} />
        </Section>
      ) : (
        <Alert variant="error">{t("unavailable")}</Alert>
      )}
    </Page>
  );
}
