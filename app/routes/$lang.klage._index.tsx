import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData } from "@remix-run/react";
import { Alert, Button, HStack, Link } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { startKlage } from "~/klage/flow.server";
import { START_KLAGE_FIELDS } from "~/klage/StartKlageForm";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "klage:start.title");

/** Complaints start from a decision: this address only takes the start form's post. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/${params.lang}/mine-soknader`);
export const action = ({ request, params }: ActionFunctionArgs) => startKlage(request, params);

/** Only seen when the start failed: the same post again, or back to the søknad. */
export default function StartKlage() {
  const { t } = useTranslation("klage");
  const answer = useActionData<typeof action>();
  const language = useLanguage();
  return (
    <Page title={t("start.title")}>
      <Alert variant="error">{t(answer?.error ?? "errors.startUnavailable")}</Alert>
      {answer ? (
        <HStack gap="space-16" align="center" wrap>
          <Form method="post">
            <input type="hidden" name={START_KLAGE_FIELDS.soknadId} value={answer.soknadId} />
            <input type="hidden" name={START_KLAGE_FIELDS.vedtakId} value={answer.vedtakId} />
            <Button type="submit">{t("tryAgain")}</Button>
          </Form>
          <Link as={RemixLink} to={`/${language}/innsyn/${answer.soknadId}`}>
            {t("backToSoknad")}
          </Link>
        </HStack>
      ) : null}
    </Page>
  );
}
