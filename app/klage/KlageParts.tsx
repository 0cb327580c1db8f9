/**
 * Complaints where the person looks: a state tag, the complaints beside a decision (with the start
 * button), the list on the status page and Mine søknader, the front page's news, and the parts of
 * a complaint's own page (its state in words, its timeline with the letters). Render only.
 */
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, BodyShort, Box, Heading, HStack, Link, Process, Tag, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { useStaffView } from "~/innsyn/audience";
import { Section } from "~/shell/Page";
import { StartKlageForm } from "./StartKlageForm";
import type { KlageState, KlageSummary, KlageTimelineEntry, KlageView } from "./view";

type TagVariant = "neutral" | "info" | "success" | "warning" | "error";

const stateVariant: Record<KlageState, TagVariant> = {
  SENDT: "neutral",
  MOTTATT: "info",
  UNDER_BEHANDLING: "info",
  MEDHOLD: "success",
  DELVIS_MEDHOLD: "warning",
  AVVIST: "error",
  OPPRETTHOLDT: "warning",
  SENDT_TIL_STATSFORVALTEREN: "info",
  STADFESTET: "error",
  OPPHEVET: "info",
  ENDRET: "success",
  TRUKKET: "neutral",
};

/** The complaint's state in one or two words; "unknown" when its log could not be read. */
export function KlageStateTag({ state }: { state: KlageState | null }) {
  const { t } = useTranslation("klage-status");
  return (
    <Tag variant={state ? stateVariant[state] : "neutral"} size="small">
      {state ? t(`state.${state}.tag`) : t("state.unknown")}
    </Tag>
  );
}

export const klagePath = (language: string, soknadId: string, klageId: string) => `/${language}/innsyn/${soknadId}/klage/${klageId}`;

/** One complaint in a list: "Klage sendt 3. mars 2025" as a link to its page, its state, and "Nytt". */
function KlageLine({ klage }: { klage: KlageSummary }) {
  const { t } = useTranslation("klage-status");
  const format = useFormat();
  const language = useLanguage();
  const staff = useStaffView();
  const sent = t("list.sent", { date: format.date(klage.sendt) });
  return (
    <HStack gap="space-8" align="center" wrap>
      {staff ? (
        <BodyShort>{sent}</BodyShort>
      ) : (
        <Link as={RemixLink} to={klagePath(language, klage.soknadId, klage.klageId)}>
          {sent}
        </Link>
      )}
      <KlageStateTag state={klage.state} />
      {klage.news ? (
        <Tag variant="alt1" size="small">
          {t("list.new")}
        </Tag>
      ) : null}
    </HStack>
  );
}

/**
 * Beside a decision: its complaints, and "Klag på vedtaket" unless one is still open (a second
 * complaint about the same decision while the first is being handled would only confuse).
 */
export function VedtakKlager({ soknadId, vedtakId, klager }: { soknadId: string; vedtakId: string; klager: readonly KlageSummary[] | null }) {
  const { t } = useTranslation("klage-status");
  const mine = (klager ?? []).filter((klage) => klage.vedtakIds.includes(vedtakId));
  return (
    <VStack gap="space-8">
      {mine.length > 0 ? (
        <div className="vedtak-klager">
          <BodyShort weight="semibold" spacing>
            {t("list.onVedtak")}
          </BodyShort>
          <VStack as="ul" gap="space-4" className="plain-list">
            {mine.map((klage) => (
              <li key={klage.klageId}>
                <KlageLine klage={klage} />
              </li>
            ))}
          </VStack>
        </div>
      ) : null}
      {mine.some((klage) => klage.open) ? null : (
        <div>
          <StartKlageForm soknadId={soknadId} vedtakId={vedtakId} />
        </div>
      )}
    </VStack>
  );
}

/** The "Klager" section: the person's complaints (of one søknad, or all), or why they cannot be shown. */
export function KlageList({ klager, unavailable, id = "klager" }: { klager: readonly KlageSummary[]; unavailable: boolean; id?: string }) {
  const { t } = useTranslation("klage-status");
  const staff = useStaffView();
  if (!unavailable && klager.length === 0) return null;
  return (
    <Section id={id} title={t("list.title")}>
      {unavailable ? (
        <BodyLong>{t(staff ? "list.unavailableStaff" : "list.unavailable")}</BodyLong>
      ) : (
        <VStack as="ul" gap="space-12" className="plain-list">
          {klager.map((klage) => (
            <li key={klage.klageId} className="card">
              <VStack gap="space-4">
                <KlageLine klage={klage} />
                {klage.state ? <BodyShort size="small">{t(`state.${klage.state}.title`)}</BodyShort> : null}
              </VStack>
            </li>
          ))}
        </VStack>
      )}
    </Section>
  );
}

/** The front page's news of a complaint: its newest state, like a new decision. */
export function KlageHighlight({ klager }: { klager: readonly KlageSummary[] }) {
  const { t } = useTranslation("klage-status");
  const language = useLanguage();
  const newest = klager[0];
  if (!newest?.state) return null;
  return (
    <Box as="section" aria-labelledby="highlight-klage" padding="space-16" borderWidth="2" borderColor="info" borderRadius="12">
      <HStack gap="space-8" align="center" wrap>
        <Heading level="2" size="small" id="highlight-klage">
          {t("highlights.title")}
        </Heading>
        <KlageStateTag state={newest.state} />
      </HStack>
      <BodyLong spacing>{t(`state.${newest.state}.title`)}</BodyLong>
      <VStack gap="space-4">
        <Link as={RemixLink} to={klagePath(language, newest.soknadId, newest.klageId)}>
          {t("highlights.link")}
        </Link>
        {klager.length > 1 ? (
          <Link as={RemixLink} to={`/${language}/mine-soknader#klager`}>
            {t("highlights.more", { count: klager.length - 1 })}
          </Link>
        ) : null}
      </VStack>
    </Box>
  );
}

/** At the top of the complaint's page: the state in plain words and what happens next. */
export function KlageStateBanner({ klage }: { klage: KlageView }) {
  const { t } = useTranslation("klage-status");
  const format = useFormat();
  return (
    <Box as="section" aria-labelledby="klage-state" padding="space-16" borderWidth="2" borderColor={klage.open ? "info" : "neutral-subtle"} borderRadius="12">
      <HStack gap="space-8" align="center" wrap>
        <Heading level="2" size="small" id="klage-state">
          {t(`state.${klage.state}.title`)}
        </Heading>
        <KlageStateTag state={klage.state} />
      </HStack>
      <BodyShort size="small" spacing>
        {t("page.since", { date: format.date(klage.stateSince) })}
      </BodyShort>
      <BodyLong>{t(`state.${klage.state}.next`)}</BodyLong>
    </Box>
  );
}

type StatusEntry = Extract<KlageTimelineEntry, { kind: "status" }>;

/** What a letter says, in short, and the way to the new decision where there is one. */
function EntrySummary({ entry, soknadId, knownVedtak }: { entry: StatusEntry; soknadId: string; knownVedtak: readonly string[] }) {
  const { t } = useTranslation("klage-status");
  const language = useLanguage();
  const letter = entry.letterId ? `/${language}/innsyn/${soknadId}/dokument/${entry.letterId}` : null;
  const nyttVedtak = entry.nyttVedtak
    ? knownVedtak.includes(entry.nyttVedtak)
      ? `/${language}/innsyn/${soknadId}/vedtak/${entry.nyttVedtak}`
      : `/${language}/innsyn/${soknadId}/dokument/${entry.nyttVedtak}`
    : null;
  return (
    <VStack gap="space-4">
      <BodyLong>{entry.status === "AVVIST" ? t(`reason.${entry.arsak ?? "UNKNOWN"}`) : t(`summary.${entry.status}`)}</BodyLong>
      {nyttVedtak ? (
        <Link as={RemixLink} to={nyttVedtak}>
          {t("timeline.newDecision")}
        </Link>
      ) : null}
      {letter ? <Link href={letter}>{t("timeline.openLetter")}</Link> : null}
    </VStack>
  );
}

/** What has happened to the complaint, oldest first, each state with its date, letter and what it means. */
export function KlageTimeline({ klage, knownVedtak }: { klage: KlageView; knownVedtak: readonly string[] }) {
  const { t } = useTranslation("klage-status");
  const format = useFormat();
  const language = useLanguage();
  const last = klage.timeline.length - 1;
  return (
    <section aria-labelledby="klage-timeline">
      <Heading level="2" size="medium" spacing id="klage-timeline">
        {t("timeline.title")}
      </Heading>
      <Process aria-labelledby="klage-timeline" hideStatusText>
        {klage.timeline.map((entry, index) => (
          <Process.Event
            key={`${entry.at}-${index}`}
            title={entry.kind === "sendt" ? t("timeline.sendt") : t(`state.${entry.status}.title`)}
            timestamp={format.dateTime(entry.at)}
            status={index === last && klage.open ? "active" : "completed"}
          >
            {entry.kind === "status" ? (
              <EntrySummary entry={entry} soknadId={klage.soknadId} knownVedtak={knownVedtak} />
            ) : (
              <Link href={`/${language}/innsyn/${klage.soknadId}/dokument/${klage.klagePdfId}`}>{t("timeline.klagePdf")}</Link>
            )}
          </Process.Event>
        ))}
      </Process>
    </section>
  );
}
