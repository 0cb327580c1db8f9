import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, Button, HStack, Link } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { startKlage } from "~/klage/flow.server";
import { START_KLAGE_FIELDS } from "~/klage/StartKlageForm";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "klage:start.title");

/**
 * Complaints start from a decision: this address takes the start form's post, and a visit goes on
 * to Mine søknader. After a start that failed, the action sends the person here with the søknad
 * and the decision, and the page says so.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireApplicant(request);
  const query = new URL(request.url).searchParams;
  const soknadId = query.get(START_KLAGE_FIELDS.soknadId) ?? "";
  const vedtakId = query.get(START_KLAGE_FIELDS.vedtakId) ?? "";
  if (!/^[0-9a-f-]{36}$/i.test(soknadId) || vedtakId.length === 0 || vedtakId.length > 100) throw redirect(`/${params.lang}/mine-soknader`);
  return data({ error: "klage:errors.startUnavailable", soknadId, vedtakId }, { status: 503 });
}
export const action = ({ request, params }: ActionFunctionArgs) => startKlage(request, params);

/** Only seen when the start failed: the same post again, or back to the søknad. */
export default function StartKlage() {
  const { t } = useTranslation("klage");
  const answer = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <Page title={t("start.title")}>
      <Alert variant="error">{t(answer.error)}</Alert>
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
    </Page>
  );
}
