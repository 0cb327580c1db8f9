import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BodyLong } from "@navikt/ds-react";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import { searchMeta, textTitle, translated } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { loadGuidePage } from "~/veiviser/guide-page.server";
import { GuideLinkBox } from "~/veiviser/GuideLinkBox";
import { GuideNav } from "~/veiviser/GuideNav";
import { GuideProse } from "~/veiviser/GuideProse";
import type { Marker } from "~/veiviser/markdown";
import { OfficeFinder } from "~/veiviser/OfficeFinder";
import { RatesTable } from "~/veiviser/RatesTable";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  return { ...(await loadGuidePage(request, language, params.guide, params.page)), language };
}

export const meta: MetaFunction<typeof loader> = (args) => {
  if (!args.data) return textTitle(args, []);
  const { content, guide, origin, path, language } = args.data;
  return [...textTitle(args, [content.title, translated(args, `veiviser:guides.${guide}.title`) ?? ""]), ...searchMeta({ origin, path, language, description: content.description })];
};

export default function GuidePage() {
  const { t } = useTranslation("veiviser");
  const { content, nav, guide, office, rates, path, language } = useLoaderData<typeof loader>();
  const [intro, ...rest] = content.blocks;
  const startsWithParagraph = intro?.type === "paragraph";
  const marker = (name: Marker) => {
    if (name === "rates") return rates ? <RatesTable current={rates.current} previous={rates.previous} /> : null;
    if (name === "office") return office ? <OfficeFinder lookup={office} action={`/${language}${path}`} /> : null;
    return <GuideLinkBox name={name} />;
  };
  return (
    <Page title={content.title}>
      {startsWithParagraph ? (
        <BodyLong size="large">
          <GuideProse.Inline content={intro.content} />
        </BodyLong>
      ) : null}
      <GuideProse blocks={startsWithParagraph ? rest : content.blocks} marker={marker} />
      <GuideNav items={nav} guideTitle={t(`guides.${guide}.title`)} />
    </Page>
  );
}
