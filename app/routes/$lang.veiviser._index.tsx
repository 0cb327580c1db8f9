import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { BodyLong, LinkCard, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import { pageTitle, searchMeta, translated } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { loadGuideList } from "~/veiviser/guide-page.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  return { ...loadGuideList(request, language), language };
}

export const meta: MetaFunction<typeof loader> = (args) => {
  const description = args.data ? searchMeta({ origin: args.data.origin, path: "/veiviser", language: args.data.language, description: translated(args, "veiviser:list.description") }) : [];
  return [...pageTitle(args, "veiviser:list.title"), ...description];
};

/** The guides' front page: the two guides. */
export default function GuideList() {
  const { t } = useTranslation("veiviser");
  const { guides } = useLoaderData<typeof loader>();
  return (
    <Page title={t("list.title")}>
      <BodyLong size="large">{t("list.intro")}</BodyLong>
      <VStack as="ul" gap="space-12" className="plain-list">
        {guides.map((guide) => (
          <li key={guide.guide}>
            <LinkCard>
              <LinkCard.Title as="h2">
                <LinkCard.Anchor asChild>
                  <RemixLink to={guide.href}>{t(`guides.${guide.guide}.title`)}</RemixLink>
                </LinkCard.Anchor>
              </LinkCard.Title>
              <LinkCard.Description>{t(`guides.${guide.guide}.description`)}</LinkCard.Description>
            </LinkCard>
          </li>
        ))}
      </VStack>
    </Page>
  );
}
