import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Alert, BodyLong, Heading, HGrid, LinkCard, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { currentSession } from "~/auth/auth.server";
import { landingSummary } from "~/innsyn/innsyn.server";
import { CaseHighlights } from "~/innsyn/CaseHighlights";
import { KlageHighlight } from "~/klage/KlageParts";
import { klageNews } from "~/klage/klager.server";
import { listDrafts } from "~/soknad/drafts.server";
import { DraftList } from "~/soknad/DraftList";
import { klageDraftsFor } from "~/klage/flow.server";
import { KlageDraftList } from "~/klage/KlageDraftList";
import { UnreadFooter } from "~/meldinger/MessageParts";
import type { RootData } from "~/shell/root-data.server";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { GuidePanel } from "~/shell/GuidePanel";
import { Section } from "~/shell/Page";
import { LinkButton } from "~/shell/LinkButton";

export const meta: MetaFunction = (args) => pageTitle(args, "landing:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await currentSession(request);
  const url = new URL(request.url);
  const notice: "saved" | "deleted" | null = url.searchParams.has("lagret") ? "saved" : url.searchParams.has("slettet") ? "deleted" : null;
  if (!session || session.kind !== "applicant") return { applicant: null, drafts: [], klageDrafts: [], notice: null, highlights: null, klageNews: [] };
  const eligible = !session.subject.refusal;
  const now = new Date();
  const [drafts, klageDrafts, highlights, news] = eligible
    ? await Promise.all([listDrafts(session.subject.fnr), klageDraftsFor(session.subject.fnr), landingSummary(session.subject.fnr, now), klageNews(session.subject.fnr, now)])
    : [[], [], null, []];
  return {
    applicant: { firstName: session.subject.name.split(" ")[0] ?? "", refusal: session.subject.refusal },
    drafts: drafts.map((draft) => ({ id: draft.id, updatedAt: draft.updatedAt.toISOString(), deleteAfter: draft.deleteAfter.toISOString() })),
    klageDrafts,
    notice,
    highlights,
    klageNews: news,
  };
}

export default function Landing() {
  const { t } = useTranslation("landing");
  const { applicant, drafts, klageDrafts, notice, highlights, klageNews } = useLoaderData<typeof loader>();
  const language = useLanguage();
  // The same count as the header's (app/meldinger/unread.server.ts).
  const unreadMessages = useRouteLoaderData<RootData>("root")?.unreadMessages;
  return (
    <div className="page">
      <VStack gap="space-32">
        <VStack gap="space-16">
          <Heading level="1" size="xlarge">
            {t("title")}
          </Heading>
          {applicant ? <BodyLong size="large">{t("greeting", { name: applicant.firstName })}</BodyLong> : null}
          <BodyLong size="large">{t("intro")}</BodyLong>
        </VStack>

        {notice ? <DraftList.Notice kind={notice} /> : null}
        {highlights ? <CaseHighlights highlights={highlights} /> : null}
        {klageNews.length > 0 ? <KlageHighlight klager={klageNews} /> : null}
        {drafts.length > 0 ? <DraftList drafts={drafts} /> : null}
        <KlageDraftList drafts={klageDrafts} />

        {applicant?.refusal === "protected-address" ? (
          <Alert variant="warning" role="status">
            <Heading level="2" size="small" spacing>
              {t("refusal.protectedAddress.title")}
            </Heading>
            <BodyLong spacing>{t("refusal.protectedAddress.body")}</BodyLong>
            <BodyLong>{t("refusal.protectedAddress.help")}</BodyLong>
          </Alert>
        ) : applicant?.refusal === "under-18" ? (
          <Alert variant="warning" role="status">
            <Heading level="2" size="small" spacing>
              {t("refusal.under18.title")}
            </Heading>
            <BodyLong spacing>{t("refusal.under18.body")}</BodyLong>
            <BodyLong>{t("refusal.under18.help")}</BodyLong>
          </Alert>
        ) : (
          <div>
            <LinkButton to={`/${language}/soknad`}>{t("apply")}</LinkButton>
          </div>
        )}

        <Alert variant="warning">
          <Heading level="2" size="small" spacing>
            {t("emergency.title")}
          </Heading>
          <BodyLong spacing>{t("emergency.body")}</BodyLong>
          <BodyLong>{t("emergency.phone")}</BodyLong>
        </Alert>

        {applicant && !applicant.refusal ? (
          <Section id="own-pages" title={t("own.title")}>
            <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
              <LinkCard>
                <LinkCard.Title>
                  <LinkCard.Anchor asChild>
                    <RemixLink to={`/${language}/mine-soknader`}>{t("own.applications")}</RemixLink>
                  </LinkCard.Anchor>
                </LinkCard.Title>
                <LinkCard.Description>{t("own.applicationsDescription")}</LinkCard.Description>
              </LinkCard>
              <LinkCard>
                <LinkCard.Title>
                  <LinkCard.Anchor asChild>
                    <RemixLink to={`/${language}/utbetalinger`}>{t("own.payments")}</RemixLink>
                  </LinkCard.Anchor>
                </LinkCard.Title>
                <LinkCard.Description>{t("own.paymentsDescription")}</LinkCard.Description>
              </LinkCard>
              <LinkCard>
                <LinkCard.Title>
                  <LinkCard.Anchor asChild>
                    <RemixLink to={`/${language}/meldinger`}>{t("own.messages")}</RemixLink>
                  </LinkCard.Anchor>
                </LinkCard.Title>
                <LinkCard.Description>{t("own.messagesDescription")}</LinkCard.Description>
                <UnreadFooter count={unreadMessages} />
              </LinkCard>
            </HGrid>
          </Section>
        ) : null}

        <Section id="what-is" title={t("whatIs.title")}>
          <BodyLong spacing>{t("whatIs.body")}</BodyLong>
          <BodyLong>{t("whatIs.assessment")}</BodyLong>
        </Section>

        <Section id="who-can" title={t("whoCan.title")}>
          <BodyLong spacing>{t("whoCan.body")}</BodyLong>
          <List>
            <List.Item>{t("whoCan.item1")}</List.Item>
            <List.Item>{t("whoCan.item2")}</List.Item>
            <List.Item>{t("whoCan.item3")}</List.Item>
          </List>
        </Section>

        <GuidePanel poster>
          <Heading level="2" size="medium" spacing>
            {t("haveReady.title")}
          </Heading>
          <List>
            <List.Item>{t("haveReady.item1")}</List.Item>
            <List.Item>{t("haveReady.item2")}</List.Item>
            <List.Item>{t("haveReady.item3")}</List.Item>
            <List.Item>{t("haveReady.item4")}</List.Item>
          </List>
          <BodyLong>{t("haveReady.noDocuments")}</BodyLong>
        </GuidePanel>

        <Section id="guides" title={t("guides.title")}>
          <VStack as="ul" gap="space-12" className="plain-list">
            {(["sosialhjelp", "okonomi-og-gjeld"] as const).map((guide) => (
              <li key={guide}>
                <LinkCard>
                  <LinkCard.Title as="h3">
                    <LinkCard.Anchor asChild>
                      <RemixLink to={`/${language}/veiviser/${guide}`}>{t(`guides.${guide}.title`)}</RemixLink>
                    </LinkCard.Anchor>
                  </LinkCard.Title>
                  <LinkCard.Description>{t(`guides.${guide}.description`)}</LinkCard.Description>
                </LinkCard>
              </li>
            ))}
          </VStack>
        </Section>
      </VStack>
    </div>
  );
}
