import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "cases:messages.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApplicant(request, { eligible: true });
  return null;
}

export default function Messages() {
  const { t } = useTranslation("cases");
  return (
    <Page title={t("messages.title")}>
      <BodyLong>{t("messages.none")}</BodyLong>
      <BodyLong>{t("messages.contactOffice")}</BodyLong>
    </Page>
  );
}
