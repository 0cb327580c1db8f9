import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { BodyLong, Heading, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { pageTitle } from "~/shell/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "cases:messages.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApplicant(request, { eligible: true });
  return null;
}

export default function Messages() {
  const { t } = useTranslation("cases");
  return (
    <div className="page">
      <VStack gap="space-24">
        <Heading level="1" size="large">
          {t("messages.title")}
        </Heading>
        <BodyLong>{t("messages.none")}</BodyLong>
        <BodyLong>{t("messages.contactOffice")}</BodyLong>
      </VStack>
    </div>
  );
}
