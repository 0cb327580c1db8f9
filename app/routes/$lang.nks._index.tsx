import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/auth.server";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:staffHome.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { name: staff.name, navIdent: staff.navIdent };
}

export default function StaffHome() {
  const { t } = useTranslation("auth");
  const staff = useLoaderData<typeof loader>();
  return (
    <Page title={t("staffHome.title")} gap="space-16">
      <BodyLong>{t("staffHome.loggedInAs", { name: staff.name, navIdent: staff.navIdent })}</BodyLong>
      <BodyLong>{t("staffHome.lookupComing")}</BodyLong>
    </Page>
  );
}
