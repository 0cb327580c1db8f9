import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { BodyLong, GuidePanel } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "landing:apply");

/** Only people who can be served digitally get here; the others see their refusal on the front page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireApplicant(request, { eligible: true });
  return null;
}

export default function ApplicationStart() {
  const { t } = useTranslation("landing");
  return (
    <Page title={t("apply")}>
      <GuidePanel>
        <BodyLong spacing>{t("formNotReady.body")}</BodyLong>
        <BodyLong>{t("emergency.phone")}</BodyLong>
      </GuidePanel>
    </Page>
  );
}
