import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { LinkButton } from "~/shell/LinkButton";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:loggedOut.title");

export function loader({ request }: LoaderFunctionArgs) {
  return { inactive: new URL(request.url).searchParams.get("arsak") === "inaktiv" };
}

export default function LoggedOut() {
  const { t } = useTranslation("auth");
  const { inactive } = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <Page title={t("loggedOut.title")}>
      {inactive ? <Alert variant="info">{t("loggedOut.inactive")}</Alert> : null}
      <BodyLong>{t("loggedOut.body")}</BodyLong>
      <BodyLong>{t("loggedOut.sharedComputer")}</BodyLong>
      <div>
        <LinkButton to={`/${language}/logg-inn`} variant="secondary">
          {t("loggedOut.loginAgain")}
        </LinkButton>
      </div>
    </Page>
  );
}
