/**
 * What a conversation looks like: the list of conversations, one message (Aksel's Chat: the
 * person on the right, the office on the left) and its text. Text is rendered as text nodes
 * only; in the office's messages, nav.no addresses are links (text.ts).
 */
import { Link as RemixLink } from "@remix-run/react";
import { BodyShort, Chat, LinkCard, Tag, VStack } from "@navikt/ds-react";
import { PersonIcon } from "@navikt/aksel-icons";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import type { ConversationSummary, MessageView } from "./samtaler.server";
import { textPieces } from "./text";

/** The conversation's name: the general one, or the søknad by the day it was sent. */
export function useConversationTitle() {
  const { t } = useTranslation("meldinger");
  const format = useFormat();
  return {
    list: (conversation: Pick<ConversationSummary, "soknad">) =>
      !conversation.soknad ? t("list.general") : conversation.soknad.sentAt ? t("list.soknad", { date: format.date(conversation.soknad.sentAt) }) : t("list.soknadUnknownDate"),
    page: (conversation: Pick<ConversationSummary, "soknad">) =>
      !conversation.soknad
        ? t("conversation.generalTitle")
        : conversation.soknad.sentAt
          ? t("conversation.soknadTitle", { date: format.date(conversation.soknad.sentAt) })
          : t("conversation.soknadTitleUnknownDate"),
  };
}

/** "2 nye meldinger" as a tag, or nothing. */
export function UnreadTag({ count }: { count: number | null | undefined }) {
  const { t } = useTranslation("meldinger");
  if (!count) return null;
  return (
    <Tag variant="alt1-filled" size="small">
      {t("list.unread", { count })}
    </Tag>
  );
}

/** A link card's footer with "2 nye meldinger", or nothing when none are new. */
export function UnreadFooter({ count }: { count: number | null | undefined }) {
  if (!count) return null;
  return (
    <LinkCard.Footer>
      <UnreadTag count={count} />
    </LinkCard.Footer>
  );
}

export function ConversationList({ conversations, base }: { conversations: readonly ConversationSummary[]; base: string }) {
  const { t } = useTranslation("meldinger");
  const format = useFormat();
  const title = useConversationTitle();
  return (
    <VStack as="ul" gap="space-12" className="plain-list">
      {conversations.map((conversation) => (
        <li key={conversation.samtaleId}>
          <LinkCard>
            <LinkCard.Title as="h3">
              <LinkCard.Anchor asChild>
                <RemixLink to={`${base}/${conversation.samtaleId}`}>{title.list(conversation)}</RemixLink>
              </LinkCard.Anchor>
            </LinkCard.Title>
            <LinkCard.Description>
              {conversation.soknad ? null : <span>{t("list.generalDescription")} </span>}
              {conversation.officeName ? <span>{t("list.office", { office: conversation.officeName })}. </span> : null}
              {conversation.last ? `${t("list.count", { count: conversation.count })}. ${t("list.last", { date: format.dateTime(conversation.last.at) })}` : t("list.empty")}
            </LinkCard.Description>
            <UnreadFooter count={conversation.unread} />
          </LinkCard>
        </li>
      ))}
    </VStack>
  );
}

/** The text as written; in the office's messages, nav.no addresses are links. */
export function MessageText({ text, links }: { text: string; links: boolean }) {
  return (
    <p className="message-text">
      {textPieces(text, { links }).map((piece, index) =>
        piece.kind === "link" ? (
          <a key={index} href={piece.href} rel="noreferrer">
            {piece.text}
          </a>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

export function Message({ message, pending }: { message: MessageView & { isNew?: boolean }; pending?: boolean }) {
  const { t } = useTranslation("meldinger");
  const format = useFormat();
  const office = message.officeName ?? t("messages.officeUnknown");
  const name = message.fromOffice ? (message.caseworker ? t("messages.withCaseworker", { office, name: message.caseworker }) : office) : t("messages.you");
  return (
    <Chat
      name={name}
      timestamp={pending ? t("messages.pending") : format.dateTime(message.sentAt)}
      position={message.fromOffice ? "left" : "right"}
      avatar={message.fromOffice ? "NAV" : <PersonIcon aria-hidden />}
      data-color={message.fromOffice ? "neutral" : "accent"}
      toptextHeadingLevel="3"
    >
      <Chat.Bubble>
        <MessageText text={message.text} links={message.fromOffice} />
        {message.files.length > 0 ? (
          <ul className="message-files" aria-label={t("messages.files")}>
            {message.files.map((file) => (
              <li key={file.id}>{file.href ? <a href={file.href}>{file.name}</a> : file.name}</li>
            ))}
          </ul>
        ) : null}
        <div className="message-meta">
          {message.isNew ? (
            <Tag variant="info" size="xsmall">
              {t("messages.new")}
            </Tag>
          ) : null}
          {!message.fromOffice && !pending ? (
            <BodyShort size="small" className="muted">
              {message.readAt ? t("messages.readByOffice", { date: format.dateTime(message.readAt) }) : t("messages.notReadByOffice")}
            </BodyShort>
          ) : null}
        </div>
      </Chat.Bubble>
    </Chat>
  );
}

/** On a søknad's status page: its conversation, with the count of unread replies. */
export function SoknadMessages({ conversation, base }: { conversation: { samtaleId: string; unread: number }; base: string }) {
  const { t } = useTranslation("meldinger");
  return (
    <section aria-labelledby="soknad-messages">
      <LinkCard>
        <LinkCard.Title as="h2" id="soknad-messages">
          <LinkCard.Anchor asChild>
            <RemixLink to={`${base}/${conversation.samtaleId}`}>{t("soknad.heading")}</RemixLink>
          </LinkCard.Anchor>
        </LinkCard.Title>
        <LinkCard.Description>{t("soknad.read")}</LinkCard.Description>
        <UnreadFooter count={conversation.unread} />
      </LinkCard>
    </section>
  );
}
