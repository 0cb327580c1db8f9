import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, HStack, Link, VStack } from "@navikt/ds-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { ConversationForm, PendingMessage } from "~/meldinger/ConversationForm";
import { useLiveConversation } from "~/meldinger/live";
import { Message, useConversationTitle } from "~/meldinger/MessageParts";
import { conversationAction, loadConversation, type ConversationActionData } from "~/meldinger/samtaler.server";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction<typeof loader> = (args) => {
  const data = args.data;
  const key = data?.kind === "ok" && !data.conversation.soknad ? "meldinger:conversation.generalTitle" : "meldinger:conversation.soknadTitleUnknownDate";
  const errors = Object.keys(actionDataOf<ConversationActionData>(args)?.errors ?? {}).length > 0;
  return pageTitle(args, data?.kind === "ok" ? key : "meldinger:title", { errors });
};

export const loader = ({ request, params }: LoaderFunctionArgs) => loadConversation(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => conversationAction(request, params);

export default function ConversationPage() {
  const { t } = useTranslation("meldinger");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const language = useLanguage();
  const title = useConversationTitle();
  const [searchParams] = useSearchParams();
  const shownSent = useRef(searchParams.get("sendt"));
  const base = `/${language}/meldinger`;
  const conversationId = data.kind === "ok" ? data.conversation.samtaleId : "";
  const { arrived, readAt, announcement } = useLiveConversation({
    conversationId,
    enabled: data.kind === "ok" && data.isNewest,
    messages: data.kind === "ok" ? data.messages : [],
    office: (data.kind === "ok" ? data.conversation.officeName : null) ?? t("messages.officeUnknown"),
    pollUrl: `${base}/${conversationId}/nytt`,
  });

  if (data.kind !== "ok") {
    return (
      <Page title={t("title")}>
        <Alert variant="error">{t("unavailable")}</Alert>
        <Link as={RemixLink} to={base}>
          {t("conversation.back")}
        </Link>
      </Page>
    );
  }
  const { conversation, draft } = data;
  // What the poll brought since the page was loaded, above what it was loaded with.
  const messages = [...arrived, ...data.messages].map((message) => (!message.readAt && readAt[message.id] ? { ...message, readAt: readAt[message.id]! } : message));
  const office = conversation.officeName;
  return (
    <Page title={title.page(conversation)}>
      <HStack gap="space-16" wrap>
        <Link as={RemixLink} to={base}>
          {t("conversation.back")}
        </Link>
        {conversation.soknad ? (
          <Link as={RemixLink} to={`/${language}/innsyn/${conversation.soknad.id}`}>
            {t("conversation.toSoknad")}
          </Link>
        ) : null}
      </HStack>
      {searchParams.get("fil") === "utilgjengelig" ? <Alert variant="error">{t("conversation.fileUnavailable")}</Alert> : null}
      <BodyLong>{office ? t("conversation.with", { office }) : t("conversation.withUnknown")}</BodyLong>

      {data.isNewest ? (
        <Section id="write" title={t("write.heading")}>
          <ConversationForm
            key={draft.meldingId}
            draft={draft}
            maxFiles={data.maxFiles}
            office={office}
            actionData={actionData}
            sent={searchParams.get("sendt")}
            shownSent={shownSent}
          />
        </Section>
      ) : null}

      <Section id="messages" title={t("messages.heading")}>
        <div aria-live="polite" className="sr-only">
          {announcement}
        </div>
        <VStack gap="space-16">
          {!data.isNewest ? <BodyShort>{t("messages.olderPage")}</BodyShort> : null}
          {messages.length === 0 ? <BodyShort>{t("messages.none")}</BodyShort> : null}
          <ul className="message-list">
            <PendingMessage />
            {messages.map((message) => (
              <li key={message.id} id={`melding-${message.id}`}>
                <Message message={message} />
              </li>
            ))}
          </ul>
          <HStack gap="space-16" wrap>
            {data.olderId ? (
              <Link as={RemixLink} to={`?eldre=${data.olderId}`}>
                {t("messages.older")}
              </Link>
            ) : null}
            {!data.isNewest ? (
              <Link as={RemixLink} to={`${base}/${conversation.samtaleId}`}>
                {t("messages.newest")}
              </Link>
            ) : null}
          </HStack>
        </VStack>
      </Section>
    </Page>
  );
}
