/** The parts of a søknad's status page: banner, tasks, saker, requirements, letters and timeline. */
import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Box, Heading, HStack, Link, List, Process, Tag, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { NavText } from "~/shell/NavText";
import { Section } from "~/shell/Page";
import { useStaffView } from "./audience";
import type { DocumentTask, InnsynView, KravStatus, SakStatus, SoknadStatus, TimelineEntry, Utfall, Vedtak } from "./view";

type Offices = Record<string, { navn: string; telefon: string }>;

const statusVariant: Record<SoknadStatus, "info" | "success" | "warning"> = {
  SENDT: "info",
  MOTTATT: "info",
  UNDER_BEHANDLING: "info",
  FERDIGBEHANDLET: "success",
  BEHANDLES_IKKE: "warning",
};

const statusTagVariant: Record<SoknadStatus, "info" | "success" | "warning" | "neutral"> = {
  SENDT: "neutral",
  MOTTATT: "info",
  UNDER_BEHANDLING: "info",
  FERDIGBEHANDLET: "success",
  BEHANDLES_IKKE: "warning",
};

export function StatusTag({ status }: { status: SoknadStatus }) {
  const { t } = useTranslation("innsyn");
  return (
    <Tag variant={statusTagVariant[status]} size="small">
      {t(`status.${status}.tag`)}
    </Tag>
  );
}

/** The status in plain words and what happens next, at the top of the page. */
export function StatusBanner({ view, offices }: { view: InnsynView; offices: Offices }) {
  const { t } = useTranslation("innsyn");
  const office = view.navKontor ? offices[view.navKontor]?.navn : undefined;
  return (
    <Alert variant={statusVariant[view.status]}>
      <Heading level="2" size="small" spacing>
        {t(`status.${view.status}.title`)}
      </Heading>
      <BodyLong spacing>{office ? t(`status.${view.status}.bodyOffice`, { office }) : t(`status.${view.status}.body`)}</BodyLong>
      <BodyLong>{t(`status.${view.status}.next`)}</BodyLong>
    </Alert>
  );
}

const utfallVariant: Record<Utfall, "success" | "warning" | "error"> = {
  INNVILGET: "success",
  DELVIS_INNVILGET: "warning",
  AVSLATT: "error",
  AVVIST: "error",
};

export function UtfallTag({ utfall }: { utfall: Utfall | null }) {
  const { t } = useTranslation("innsyn");
  if (!utfall) return null;
  return (
    <Tag variant={utfallVariant[utfall]} size="small">
      {t(`utfall.${utfall}`)}
    </Tag>
  );
}

function Deadline({ task }: { task: Pick<DocumentTask, "innsendelsesfrist" | "overdue" | "done"> }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  if (task.done) return <Tag variant="success" size="small">{t("tasks.delivered")}</Tag>;
  if (!task.innsendelsesfrist) return <BodyShort size="small">{t("tasks.noDeadline")}</BodyShort>;
  return task.overdue ? (
    <Tag variant="error" size="small">
      {t("tasks.overdue", { date: format.date(task.innsendelsesfrist) })}
    </Tag>
  ) : (
    <BodyShort size="small" weight="semibold">
      {t("tasks.deadline", { date: format.date(task.innsendelsesfrist) })}
    </BodyShort>
  );
}

/** What the person must do: the documents the office asked for, open ones first. */
export function TaskBox({ view, children }: { view: InnsynView; children?: (task: DocumentTask, index: number) => React.ReactNode }) {
  const { t } = useTranslation("innsyn");
  const staff = useStaffView();
  const open = view.tasks.filter((task) => !task.done);
  if (view.tasks.length === 0) return null;
  return (
    <Box as="section" aria-labelledby="tasks-heading" padding="space-16" borderWidth="2" borderColor="warning" borderRadius="12">
      <Heading level="2" size="medium" spacing id="tasks-heading">
        {open.length > 0 ? t("tasks.title") : t("tasks.allDoneTitle")}
      </Heading>
      <BodyLong spacing>{t("tasks.progress", { done: view.tasks.length - open.length, total: view.tasks.length })}</BodyLong>
      {open.length > 0 && !staff ? <BodyLong spacing>{t("tasks.howToSend")}</BodyLong> : null}
      <VStack as="ul" gap="space-16" className="plain-list">
        {view.tasks.map((task, index) => (
          <li key={`${task.dokumenttype}-${index}`} className="card">
            <Heading level="3" size="xsmall" spacing>
              <NavText>{task.dokumenttype}</NavText>
            </Heading>
            {task.tilleggsinformasjon ? (
              <BodyLong spacing>
                <NavText>{task.tilleggsinformasjon}</NavText>
              </BodyLong>
            ) : null}
            <NavText.Note />
            <Deadline task={task} />
            {children?.(task, index)}
          </li>
        ))}
      </VStack>
    </Box>
  );
}

const sakTagVariant: Record<SakStatus, "info" | "success" | "warning"> = {
  UNDER_BEHANDLING: "info",
  FERDIGBEHANDLET: "success",
  BEHANDLES_IKKE: "warning",
};

/**
 * The saker of the søknad, each with its vedtak and the way to the letter; `besideVedtak` adds what
 * belongs to one vedtak (the person's page: its complaints and "Klag på vedtaket").
 */
export function SakList({ view, soknadId, besideVedtak }: { view: InnsynView; soknadId: string; besideVedtak?: (vedtak: Vedtak) => React.ReactNode }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  const staff = useStaffView();
  const withoutSak = view.vedtak.filter((vedtak) => vedtak.saksreferanse === null || !view.saker.some((sak) => sak.referanse === vedtak.saksreferanse));
  if (view.saker.length === 0 && withoutSak.length === 0 && view.sakerWithoutInnsyn === 0) return null;
  const vedtakItem = (vedtak: InnsynView["vedtak"][number]) => (
    <li key={vedtak.letterId}>
      <HStack gap="space-8" align="center" wrap>
        <BodyShort>{t("saker.vedtakOn", { date: format.date(vedtak.fattet) })}</BodyShort>
        <UtfallTag utfall={vedtak.utfall} />
        {vedtak.isNew ? (
          <Tag variant="alt1" size="small">
            {t("saker.new")}
          </Tag>
        ) : null}
      </HStack>
      {staff ? null : (
        <Link as={RemixLink} to={`/${language}/innsyn/${soknadId}/vedtak/${vedtak.letterId}`}>
          {t("saker.openLetter")}
        </Link>
      )}
      {besideVedtak ? <div className="beside-vedtak">{besideVedtak(vedtak)}</div> : null}
    </li>
  );
  return (
    <Section id="saker" title={t("saker.title")}>
      {view.saker.length > 1 ? <BodyLong spacing>{t("saker.split", { count: view.saker.length })}</BodyLong> : null}
      {view.sakerWithoutInnsyn > 0 ? <BodyLong spacing>{t("saker.withoutInnsyn", { count: view.sakerWithoutInnsyn })}</BodyLong> : null}
      <VStack as="ul" gap="space-16" className="plain-list">
        {view.saker.map((sak) => (
          <li key={sak.referanse} className="card">
            <HStack gap="space-8" align="center" wrap>
              <Heading level="3" size="small">
                {sak.tittel ? <NavText>{sak.tittel}</NavText> : t("saker.untitled")}
              </Heading>
              <Tag variant={sakTagVariant[sak.status]} size="small">
                {t(`sakStatus.${sak.status}`)}
              </Tag>
            </HStack>
            {sak.tittel ? <NavText.Note /> : null}
            {sak.status === "BEHANDLES_IKKE" ? <BodyLong>{t("saker.notProcessed")}</BodyLong> : null}
            {sak.vedtak.length === 0 && sak.status === "UNDER_BEHANDLING" ? <BodyLong>{t("saker.waiting")}</BodyLong> : null}
            <VStack as="ul" gap="space-8" className="plain-list">
              {sak.vedtak.map(vedtakItem)}
            </VStack>
          </li>
        ))}
        {withoutSak.length > 0 ? (
          <li className="card">
            <Heading level="3" size="small" spacing>
              {t("saker.otherVedtak")}
            </Heading>
            <VStack as="ul" gap="space-8" className="plain-list">
              {withoutSak.map(vedtakItem)}
            </VStack>
          </li>
        ) : null}
      </VStack>
    </Section>
  );
}

const kravVariant: Record<KravStatus, "info" | "success" | "error" | "neutral"> = {
  RELEVANT: "info",
  OPPFYLT: "success",
  IKKE_OPPFYLT: "error",
  LEVERT_TIDLIGERE: "neutral",
};

function RequirementCard({
  tittel,
  untitled,
  kind,
  status,
  beskrivelse,
  frist,
}: {
  /** The office's title, or null: then `untitled` stands in. */
  tittel: string | null;
  untitled: string;
  kind: string;
  status: KravStatus;
  beskrivelse: string | null;
  frist?: string | null;
}) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  return (
    <li className="card">
      <HStack gap="space-8" align="center" wrap>
        <Heading level="3" size="xsmall">
          {tittel ? <NavText>{tittel}</NavText> : untitled}
        </Heading>
        <Tag variant={kravVariant[status]} size="small">
          {t(`kravStatus.${status}`)}
        </Tag>
      </HStack>
      <BodyShort size="small" spacing>
        {kind}
      </BodyShort>
      {beskrivelse ? (
        <BodyLong>
          <NavText>{beskrivelse}</NavText>
        </BodyLong>
      ) : null}
      {tittel || beskrivelse ? <NavText.Note /> : null}
      {frist ? <BodyShort weight="semibold">{t("tasks.deadline", { date: format.date(frist) })}</BodyShort> : null}
    </li>
  );
}

/** Conditions and standing documentation requirements. */
export function Requirements({ view }: { view: InnsynView }) {
  const { t } = useTranslation("innsyn");
  if (view.vilkar.length === 0 && view.dokumentasjonkrav.length === 0) return null;
  return (
    <Section id="krav" title={t("krav.title")}>
      <BodyLong spacing>{t("krav.intro")}</BodyLong>
      <VStack as="ul" gap="space-16" className="plain-list">
        {view.vilkar.map((vilkar) => (
          <RequirementCard
            key={vilkar.referanse}
            tittel={vilkar.tittel}
            untitled={t("krav.vilkarUntitled")}
            kind={t("krav.vilkar")}
            status={vilkar.status}
            beskrivelse={vilkar.beskrivelse}
          />
        ))}
        {view.dokumentasjonkrav.map((krav) => (
          <RequirementCard
            key={krav.referanse}
            tittel={krav.tittel}
            untitled={t("krav.kravUntitled")}
            kind={t("krav.dokumentasjonkrav")}
            status={krav.status}
            beskrivelse={krav.beskrivelse}
            frist={krav.frist}
          />
        ))}
      </VStack>
    </Section>
  );
}

/** Letters from NAV and the person's own documents, each a link to the file. */
export function Documents({
  view,
  soknadId,
  soknadPdfId,
  sendt,
  uploaded,
}: {
  view: InnsynView;
  soknadId: string;
  soknadPdfId: string | null;
  sendt: string | null;
  uploaded: readonly { id: string; name: string; uploadedAt?: string; href?: string }[];
}) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  const staff = useStaffView();
  const file = (id: string) => `/${language}/innsyn/${soknadId}/dokument/${id}`;
  return (
    <>
      {view.letters.length > 0 ? (
        <Section id="letters" title={t("letters.title")}>
          <List>
            {[...view.letters].reverse().map((letter) => (
              <List.Item key={letter.letterId}>
                {staff ? (
                  t(`letters.${letter.kind}`)
                ) : (
                  <Link href={letter.kind === "vedtak" ? `/${language}/innsyn/${soknadId}/vedtak/${letter.letterId}` : file(letter.letterId)}>{t(`letters.${letter.kind}`)}</Link>
                )}{" "}
                <BodyShort as="span" size="small">
                  {format.date(letter.date)}
                </BodyShort>
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      {soknadPdfId || uploaded.length > 0 ? (
        <Section id="own-documents" title={t("ownDocuments.title")}>
          <List>
            {soknadPdfId ? (
              <List.Item>
                {staff ? t("ownDocuments.soknad") : <Link href={file(soknadPdfId)}>{t("ownDocuments.soknad")}</Link>}{" "}
                {sendt ? (
                  <BodyShort as="span" size="small">
                    {format.date(sendt)}
                  </BodyShort>
                ) : null}
              </List.Item>
            ) : null}
            {uploaded.map((document) => (
              <List.Item key={document.id}>
                {staff ? null : (
                  <Link href={document.href ?? file(document.id)} className="file-name">
                    {document.name}
                  </Link>
                )}{" "}
                {document.uploadedAt ? (
                  <BodyShort as="span" size="small">
                    {t("ownDocuments.uploaded", { date: format.date(document.uploadedAt) })}
                  </BodyShort>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
    </>
  );
}

function timelineText(entry: TimelineEntry, t: (key: string, options?: Record<string, unknown>) => string, offices: Offices): string {
  const office = (number: string | null) => (number ? (offices[number]?.navn ?? t("timeline.unknownOffice", { number })) : t("timeline.theOffice"));
  switch (entry.kind) {
    case "mottatt":
      return t("timeline.mottatt", { office: office(entry.navKontor) });
    case "videresendt":
      return t("timeline.videresendt", { office: office(entry.til) });
    case "delt-i-saker":
      return t("timeline.delt", { count: entry.antall });
    case "vedtak":
      return entry.tittel ? t("timeline.vedtakSak", { sak: entry.tittel }) : t("timeline.vedtak");
    case "sak-behandles-ikke":
      return entry.tittel ? t("timeline.sakBehandlesIkkeTitle", { sak: entry.tittel }) : t("timeline.sakBehandlesIkke");
    case "dokumentasjon-etterspurt":
      return t("timeline.etterspurt", { count: entry.antall });
    case "dokumentasjon-levert":
      return t("timeline.levert", { count: entry.antall });
    case "sendt":
      return t("timeline.sendt");
    case "under-behandling":
      return t("timeline.underBehandling");
    case "forelopig-svar":
      return t("timeline.forelopigSvar");
    case "utbetalinger-oppdatert":
      return t("timeline.utbetalinger");
    case "ferdigbehandlet":
      return t("timeline.ferdigbehandlet");
    case "behandles-ikke":
      return t("timeline.behandlesIkke");
  }
}

function timelineLetter(entry: TimelineEntry): string | null {
  if (entry.kind === "vedtak" || entry.kind === "forelopig-svar") return entry.letterId;
  if (entry.kind === "dokumentasjon-etterspurt") return entry.letterId;
  return null;
}

/** What has happened, newest first, with the letter where one belongs. */
export function Timeline({ view, soknadId, offices }: { view: InnsynView; soknadId: string; offices: Offices }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  const staff = useStaffView();
  const entries = [...view.timeline].reverse();
  return (
    <section aria-labelledby="timeline-heading">
      <Heading level="2" size="medium" spacing id="timeline-heading">
        {t("timeline.title")}
      </Heading>
      <Process aria-labelledby="timeline-heading" hideStatusText>
        {entries.map((entry, index) => {
          const letterId = staff ? null : timelineLetter(entry);
          const href = letterId
            ? entry.kind === "vedtak"
              ? `/${language}/innsyn/${soknadId}/vedtak/${letterId}`
              : `/${language}/innsyn/${soknadId}/dokument/${letterId}`
            : null;
          return (
            <Process.Event key={`${entry.kind}-${entry.at}-${index}`} title={timelineText(entry, t, offices)} timestamp={format.dateTime(entry.at)} status="completed">
              {href ? <Link href={href}>{entry.kind === "vedtak" ? t("saker.openLetter") : t("timeline.openLetter")}</Link> : null}
            </Process.Event>
          );
        })}
      </Process>
    </section>
  );
}

/** The office that has the søknad, with its phone number. */
export function OfficeContact({ view, offices }: { view: InnsynView; offices: Offices }) {
  const { t } = useTranslation("innsyn");
  const office = view.navKontor ? offices[view.navKontor] : undefined;
  if (!office) return null;
  return (
    <Section id="office" title={t("office.title")}>
      <BodyLong spacing>{t("office.body", { office: office.navn })}</BodyLong>
      <BodyLong>{t("office.phone", { phone: office.telefon })}</BodyLong>
    </Section>
  );
}
