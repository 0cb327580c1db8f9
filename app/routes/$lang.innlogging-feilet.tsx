import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyLong, HStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { loginRefusals, type LoginRefusal } from "~/auth/oidc.server";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { LinkButton } from "~/shell/LinkButton";

function reasonOf(request: Request): { reason: LoginRefusal; staff: boolean } {
  const params = new URL(request.url).searchParams;
  const asked = params.get("arsak");
  return { reason: loginRefusals.find((reason) => reason === asked) ?? "refused", staff: params.get("for") === "nks" };
}

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `auth:loginFailed.title.${args.data?.reason ?? "refused"}`);

/** Where every refused login lands (app/auth/provider-login.server.ts): what happened, and the way to start again. No session was made. */
export function loader({ request }: LoaderFunctionArgs) {
  return reasonOf(request);
}

export default function LoginFailed() {
  const { t } = useTranslation("auth");
  const { reason, staff } = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <Page title={t(`loginFailed.title.${reason}`)}>
      <BodyLong>{staff && reason !== "unavailable" ? t("loginFailed.staffBody") : t(`loginFailed.body.${reason}`)}</BodyLong>
      <HStack gap="space-16">
        <LinkButton to={staff ? `/${language}/nks/logg-inn` : `/${language}/logg-inn`}>{t("loginFailed.again")}</LinkButton>
        {staff ? null : (
          <LinkButton to={`/${language}`} variant="secondary">
            {t("loginFailed.home")}
          </LinkButton>
        )}
      </HStack>
    </Page>
  );
}
