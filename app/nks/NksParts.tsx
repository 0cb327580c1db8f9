/**
 * The contact-centre pages' own parts: the way around (new search, overview, keyboard shortcuts),
 * the person, the table of søknader, and conversations and documents as metadata only. What a
 * søknad shows beyond that comes from the person's own status parts, read-only (StaffView).
 */
import { Link as RemixLink, useNavigate } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Heading, HStack, Link, List, Table, Tag, VStack } from "@navikt/ds-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { StatusTag } from "~/innsyn/StatusParts";
import { KlageStateTag } from "~/klage/KlageParts";
import { Page, Section } from "~/shell/Page";
import { documentRule, isDocumentId } from "~/soknad/rules";
import type { Blocked, CallbackRow, ConversationMeta, DocumentGroup, PersonCard, SoknadRow } from "./nks.server";

export const searchPath = (language: string) => `/${language}/nks`;
export const personPath = (language: string, lookupId: string) => `/${language}/nks/person/${lookupId}`;
export const soknadPath = (language: string, lookupId: string, soknadId: string) => `${personPath(language, lookupId)}/soknad/${soknadId}`;

/** The shortcuts: Alt + Shift + a letter, by the key's place (`code`), so any keyboard layout works. */
const SHORTCUTS = [
  { code: "KeyS", key: "S", label: "search" },
  { code: "KeyO", key: "O", label: "overview" },
] as const;

/** Listens for the shortcuts; without JavaScript the same places are plain links at the top of the page. */
function useShortcuts(lookupId: string | null) {
  const navigate = useNavigate();
  const language = useLanguage();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const target = event.code === "KeyS" ? searchPath(language) : event.code === "KeyO" && lookupId ? personPath(language, lookupId) : null;
      if (!target) return;
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, language, lookupId]);
}

/** At the top of every staff page: the way back to the search and to the person's overview. */
export function StaffNav({ lookupId, jumpTo = [] }: { lookupId: string | null; jumpTo?: readonly { id: string; label: string }[] }) {
  const { t } = useTranslation("nks");
  const language = useLanguage();
  useShortcuts(lookupId);
  return (
    <nav aria-label={t("nav.label")}>
      <HStack gap="space-16" wrap>
        <Link as={RemixLink} to={searchPath(language)}>
          {t("nav.newSearch")}
        </Link>
        {lookupId ? (
          <Link as={RemixLink} to={personPath(language, lookupId)}>
            {t("nav.overview")}
          </Link>
        ) : null}
        {jumpTo.map((target) => (
          <Link key={target.id} href={`#${target.id}`}>
            {target.label}
          </Link>
        ))}
      </HStack>
    </nav>
  );
}

/** The shortcuts, listed where staff can see them. */
export function Shortcuts({ withOverview }: { withOverview: boolean }) {
  const { t } = useTranslation("nks");
  return (
    <Section id="shortcuts" title={t("shortcuts.title")}>
      <dl className="nks-facts">
        {SHORTCUTS.filter((shortcut) => withOverview || shortcut.label !== "overview").map((shortcut) => (
          <div key={shortcut.code}>
            <dt>
              <kbd>{t("shortcuts.keys", { key: shortcut.key })}</kbd>
            </dt>
            <dd>{t(`shortcuts.${shortcut.label}`)}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/** An answer in a titled box. */
function TitledAlert({ variant, title, body }: { variant: "info" | "warning" | "error"; title: string; body: string }) {
  return (
    <Alert variant={variant}>
      <Heading level="2" size="small" spacing>
        {title}
      </Heading>
      <BodyLong>{body}</BodyLong>
    </Alert>
  );
}

/** The same words whatever the reason (kode 6 or 7, a NAV employee, a number nobody has): only the audit record says which. */
export function Refused() {
  const { t } = useTranslation("nks");
  return <TitledAlert variant="info" title={t("refused.title")} body={t("refused.body")} />;
}

export function AuditUnavailableAlert() {
  const { t } = useTranslation("nks");
  return <TitledAlert variant="error" title={t("auditUnavailable.title")} body={t("auditUnavailable.body")} />;
}

/** A view that cannot be shown: expired, refused (the same words for every reason), or the audit or the register down. */
export function BlockedView({ answer }: { answer: Blocked }) {
  const { t } = useTranslation("nks");
  switch (answer.kind) {
    case "expired":
      return <TitledAlert variant="warning" title={t("expired.title")} body={t("expired.body")} />;
    case "refused":
      return <Refused />;
    case "audit-unavailable":
      return <AuditUnavailableAlert />;
    case "unavailable":
      return <Alert variant="error">{t("unavailable")}</Alert>;
  }
}

/** A staff page that cannot show what was asked: its title, the way back to a new search, and why. */
export function BlockedPage({ title, answer }: { title: string; answer: Blocked }) {
  return (
    <Page title={title} wide>
      <StaffNav lookupId={null} />
      <BlockedView answer={answer} />
    </Page>
  );
}

/** Name is the page's h1; here the rest: age, municipality, office, phone. */
export function PersonDetails({ person }: { person: PersonCard }) {
  const { t } = useTranslation("nks");
  const phone = person.phone === "unavailable" ? t("person.phoneUnavailable") : (person.phone ?? t("person.noPhone"));
  const fromNorg = (value: string | null) => (value === "unavailable" ? t("person.officeUnavailable") : (value ?? t("person.unknown")));
  return (
    <Section id="person" title={t("person.details")}>
      <dl className="nks-facts">
        <div>
          <dt>{t("person.age")}</dt>
          <dd>{t("person.years", { count: person.age })}</dd>
        </div>
        <div>
          <dt>{t("person.municipality")}</dt>
          <dd>{fromNorg(person.municipality)}</dd>
        </div>
        <div>
          <dt>{t("person.office")}</dt>
          <dd>{fromNorg(person.office)}</dd>
        </div>
        <div>
          <dt>{t("person.phone")}</dt>
          <dd>{phone}</dd>
        </div>
      </dl>
    </Section>
  );
}

/** Every søknad in one table: status, office, dates, open tasks and the nearest deadline, complaints, the next payment. */
export function SoknadTable({ lookupId, soknader, unavailable }: { lookupId: string; soknader: readonly SoknadRow[]; unavailable: boolean }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  const language = useLanguage();
  const none = t("soknader.noneValue");
  return (
    <Section id="soknader" title={t("soknader.title")}>
      {unavailable ? <Alert variant="error">{t("soknader.unavailable")}</Alert> : null}
      {!unavailable && soknader.length === 0 ? <BodyLong>{t("soknader.none")}</BodyLong> : null}
      {soknader.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="soknader-caption" tabIndex={0}>
          <Table size="small">
            <caption id="soknader-caption" className="navds-sr-only">
              {t("soknader.caption")}
            </caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("soknader.soknad")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.status")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.office")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.received")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.tasks")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.klager")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("soknader.nextPayment")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {soknader.map((soknad) => {
                const date = soknad.sent ?? soknad.received;
                const linkText = !date
                  ? t("soknader.openUndated")
                  : soknad.kanal === "PAPIR"
                  ? t("soknader.openPaper", { date: format.date(date) })
                  : t("soknader.open", { date: format.date(date) });
                return (
                  <Table.Row key={soknad.id}>
                    <Table.HeaderCell scope="row">
                      <VStack gap="space-4" align="start">
                        <Link as={RemixLink} to={soknadPath(language, lookupId, soknad.id)}>
                          {linkText}
                        </Link>
                        <Tag variant={soknad.kanal === "PAPIR" ? "alt3" : "neutral"} size="xsmall">
                          {t(soknad.kanal === "PAPIR" ? "soknader.paper" : "soknader.digital")}
                        </Tag>
                      </VStack>
                    </Table.HeaderCell>
                    <Table.DataCell>{soknad.status ? <StatusTag status={soknad.status} /> : t("soknader.unknownStatus")}</Table.DataCell>
                    <Table.DataCell>{soknad.office ?? none}</Table.DataCell>
                    <Table.DataCell>
                      {soknad.sent && soknad.kanal !== "PAPIR" ? (
                        <BodyShort size="small">
                          {t("soknad.sent", {
                            date: format.dateTime(soknad.sent),
                          })}
                        </BodyShort>
                      ) : null}
                      {soknad.received ? (
                        <BodyShort size="small">
                          {t("soknad.received", {
                            date: format.dateTime(soknad.received),
                          })}
                        </BodyShort>
                      ) : null}
                    </Table.DataCell>
                    <Table.DataCell>
                      {soknad.openTasks > 0 ? t("soknader.openTasks", { count: soknad.openTasks }) : none}
                      {soknad.deadline ? (
                        <BodyShort size="small" weight="semibold">
                          {t("soknader.deadline", {
                            date: format.date(soknad.deadline),
                          })}
                        </BodyShort>
                      ) : null}
                    </Table.DataCell>
                    <Table.DataCell>
                      {soknad.klager.length === 0 ? (
                        none
                      ) : (
                        <VStack gap="space-4" align="start">
                          {soknad.klager.map((klage) => (
                            <KlageStateTag key={klage.klageId} state={klage.state} />
                          ))}
                        </VStack>
                      )}
                    </Table.DataCell>
                    <Table.DataCell>
                      {soknad.nextPayment ? (
                        <>
                          <BodyShort size="small" weight="semibold">
                            {soknad.nextPayment.amount !== null ? format.money(soknad.nextPayment.amount) : null}
                          </BodyShort>
                          <BodyShort size="small">{format.date(soknad.nextPayment.date)}</BodyShort>
                        </>
                      ) : (
                        none
                      )}
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </Section>
  );
}

function ConversationFacts({ conversation }: { conversation: ConversationMeta }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  return (
    <HStack gap="space-8" align="center" wrap>
      <BodyShort size="small">{t("conversations.count", { count: conversation.count })}</BodyShort>
      {conversation.last ? (
        <BodyShort size="small">
          {t("conversations.last", {
            date: format.dateTime(conversation.last.at),
            from: t(conversation.last.fromOffice ? "conversations.fromOffice" : "conversations.fromPerson"),
          })}
        </BodyShort>
      ) : null}
      {conversation.unreadByOffice > 0 ? (
        <Tag variant="warning" size="xsmall">
          {t("conversations.unreadByOffice", {
            count: conversation.unreadByOffice,
          })}
        </Tag>
      ) : null}
    </HStack>
  );
}

/** The person's conversations as metadata: how many messages, the last one's time and sender, what the office has not read. */
export function ConversationList({ conversations }: { conversations: readonly ConversationMeta[] | null }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  const withMessages = (conversations ?? []).filter((conversation) => conversation.count > 0);
  return (
    <Section id="meldinger" title={t("conversations.title")}>
      {conversations === null ? <BodyLong>{t("conversations.unavailable")}</BodyLong> : null}
      {conversations !== null && withMessages.length === 0 ? <BodyLong>{t("conversations.none")}</BodyLong> : null}
      {withMessages.length > 0 ? (
        <VStack as="ul" gap="space-12" className="plain-list">
          {withMessages.map((conversation) => (
            <li key={conversation.samtaleId} className="card">
              <BodyShort weight="semibold" spacing>
                {conversation.soknad === null
                  ? t("conversations.general")
                  : conversation.soknad.sentAt
                  ? t("conversations.aboutSoknad", {
                      date: format.date(conversation.soknad.sentAt),
                    })
                  : t("conversations.aboutSoknadUndated")}
              </BodyShort>
              <ConversationFacts conversation={conversation} />
            </li>
          ))}
        </VStack>
      ) : null}
    </Section>
  );
}

/** One søknad's conversation as metadata. */
export function SoknadConversation({ conversation }: { conversation: ConversationMeta | null | "unavailable" }) {
  const { t } = useTranslation("nks");
  return (
    <Section id="meldinger" title={t("soknad.conversation")}>
      {conversation === "unavailable" ? (
        <BodyLong>{t("conversations.unavailable")}</BodyLong>
      ) : conversation === null || conversation.count === 0 ? (
        <BodyLong>{t("soknad.conversationNone")}</BodyLong>
      ) : (
        <ConversationFacts conversation={conversation} />
      )}
    </Section>
  );
}

/** The person's documents for a søknad: per type, how many files and when; never a name or a link. */
export function DocumentGroups({ groups }: { groups: readonly DocumentGroup[] | null }) {
  const { t } = useTranslation("nks");
  const { t: tDocuments } = useTranslation("soknad-documents");
  const format = useFormat();
  const title = (type: string) => (isDocumentId(type) ? tDocuments(documentRule(type).title) : type);
  return (
    <Section id="dokumenter" title={t("soknad.documents")}>
      {groups === null ? <BodyLong>{t("soknad.documentsUnavailable")}</BodyLong> : null}
      {groups !== null && groups.length === 0 ? <BodyLong>{t("soknad.documentsNone")}</BodyLong> : null}
      {groups && groups.length > 0 ? (
        <List>
          {groups.map((group) => (
            <List.Item key={group.type}>
              <BodyShort weight="semibold">{title(group.type)}</BodyShort>
              <BodyShort size="small">{t("soknad.files", { count: group.count })}</BodyShort>
              <BodyShort size="small">
                {group.first.slice(0, 10) === group.last.slice(0, 10)
                  ? t("soknad.uploaded", { date: format.date(group.first) })
                  : t("soknad.uploadedBetween", {
                      from: format.date(group.first),
                      to: format.date(group.last),
                    })}
              </BodyShort>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Section>
  );
}

/** The state of a call-back request in words, with the time of the last call or of closing. */
function CallbackState({ request }: { request: CallbackRow }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  const last = request.forsok[request.forsok.length - 1];
  if (request.status === "APEN")
    return request.forfalt ? <Tag variant="error" size="small">{t("callbacks.state.overdue")}</Tag> : <Tag variant="info" size="small">{t("callbacks.state.open")}</Tag>;
  if (request.status === "RINGT_NADD" && last) return <Tag variant="success" size="small">{t("callbacks.state.reached", { time: format.dateTime(last.tidspunkt) })}</Tag>;
  if (request.status === "RINGT_IKKE_NADD" && last)
    return <Tag variant="warning" size="small">{t("callbacks.state.notReached", { count: request.forsok.length, time: format.dateTime(last.tidspunkt) })}</Tag>;
  return (
    <Tag variant="neutral" size="small">
      {request.lukket
        ? t(request.lukket.arsak === "IKKE_NADD" ? "callbacks.state.closedNotReached" : "callbacks.state.closed", { time: format.dateTime(request.lukket.tidspunkt) })
        : t("callbacks.state.closedUndated")}
    </Tag>
  );
}

/** The deadline in words from today's point of view: "i dag kl. 14:30", "i morgen kl. 10:00", or a date. */
function CallbackDeadline({ request }: { request: CallbackRow }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  const time = format.time(request.frist);
  const deadline =
    request.fristDag === "I_DAG"
      ? t("callbacks.deadlineToday", { time })
      : request.fristDag === "I_MORGEN"
      ? t("callbacks.deadlineTomorrow", { time })
      : t("callbacks.deadlineLater", { date: format.date(request.frist), time });
  return <>{deadline}</>;
}

/**
 * The person's call-back requests (ring tilbake), newest first: topic, urgency, state and
 * deadline, the calls, and what staff may see and the person's pages never show (who filed it, the note).
 */
export function CallbackList({ callbacks }: { callbacks: readonly CallbackRow[] | null }) {
  const { t } = useTranslation("nks");
  const format = useFormat();
  return (
    <Section id="ring-tilbake" title={t("callbacks.title")}>
      {callbacks === null ? <BodyLong>{t("callbacks.unavailable")}</BodyLong> : null}
      {callbacks !== null && callbacks.length === 0 ? <BodyLong>{t("callbacks.none")}</BodyLong> : null}
      {callbacks !== null && callbacks.length > 0 ? (
        <VStack as="ul" gap="space-12" className="plain-list" aria-label={t("callbacks.title")}>
          {callbacks.map((request) => (
            <li key={request.ringTilbakeId} className="card" data-ringtilbake={request.ringTilbakeId}>
              <VStack gap="space-8">
                <HStack gap="space-8" align="center" wrap>
                  <BodyShort weight="semibold">{t(`callbacks.tema.${request.tema}`)}</BodyShort>
                  <CallbackState request={request} />
                </HStack>
                <dl className="nks-facts">
                  <dt>{t("callbacks.urgency")}</dt>
                  <dd>{t(`callbacks.hastegrad.${request.hastegrad}`)}</dd>
                  <dt>{t("callbacks.deadline")}</dt>
                  <dd>
                    <CallbackDeadline request={request} />
                  </dd>
                  <dt>{t("callbacks.office")}</dt>
                  <dd>{request.kontornavn}</dd>
                  <dt>{t("callbacks.phone")}</dt>
                  <dd>{request.telefonnummer}</dd>
                  {request.tolkesprakNavn ? (
                    <>
                      <dt>{t("callbacks.interpreter")}</dt>
                      <dd>{request.tolkesprakNavn}</dd>
                    </>
                  ) : null}
                  <dt>{t("callbacks.filed")}</dt>
                  <dd>{t("callbacks.filedBy", { time: format.dateTime(request.mottattTidspunkt), navIdent: request.registrertAv })}</dd>
                  {request.forsok.length > 0 ? (
                    <>
                      <dt>{t("callbacks.calls")}</dt>
                      <dd>
                        <List as="ul" size="small">
                          {request.forsok.map((call) => (
                            <List.Item key={call.tidspunkt}>{t(call.nadd ? "callbacks.callReached" : "callbacks.callNotReached", { time: format.dateTime(call.tidspunkt) })}</List.Item>
                          ))}
                        </List>
                      </dd>
                    </>
                  ) : null}
                  {request.notat ? (
                    <>
                      <dt>{t("callbacks.note")}</dt>
                      <dd className="own-text">{request.notat}</dd>
                    </>
                  ) : null}
                </dl>
              </VStack>
            </li>
          ))}
        </VStack>
      ) : null}
    </Section>
  );
}
