import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, BodyShort, Link } from "@navikt/ds-react";
import { useLanguage } from "~/i18n/use-language";
import { useTranslation } from "react-i18next";
import { StaffView } from "~/innsyn/audience";
import { loadPerson, statusOf } from "~/nks/nks.server";
import { BlockedPage, CallbackList, ConversationList, PersonDetails, Shortcuts, SoknadTable, StaffNav } from "~/nks/NksParts";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

// The title names the page, never the person: titles end up in history and window lists.
export const meta: MetaFunction = (args) => pageTitle(args, "nks:person.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer = await loadPerson(request, params.lookupId ?? "");
  return data(answer, { status: statusOf(answer) });
}

/** Everything about the caller on one screen: who, every søknad with its status, deadlines, complaints and next payment, and the conversations. */
export default function StaffPerson() {
  const { t } = useTranslation("nks");
  const answer = useLoaderData<typeof loader>();
  const language = useLanguage();
  const [search] = useSearchParams();
  if (answer.kind !== "ok") return <BlockedPage title={t("person.title")} answer={answer} />;
  return (
    <Page title={answer.person.name} wide gap="space-16">
      <StaffNav lookupId={answer.lookupId} />
      {search.get("ringtilbake") === "sendt" ? <Alert variant="success">{t("callbackForm.sent")}</Alert> : null}
      <BodyShort>{t("readOnly")}</BodyShort>
      <BodyShort>
        <Link as={RemixLink} to={`/${language}/nks/person/${answer.lookupId}/ring-tilbake`}>
          {t("callbackForm.link")}
        </Link>
      </BodyShort>
      <StaffView>
        <div className="nks-columns">
          <div className="nks-main">
            <SoknadTable lookupId={answer.lookupId} soknader={answer.soknader} unavailable={answer.soknaderUnavailable} />
            {answer.klagerUnavailable ? <Alert variant="warning">{t("soknader.klagerUnavailable")}</Alert> : null}
            <CallbackList callbacks={answer.callbacks} />
          </div>
          <div className="nks-side">
            <PersonDetails person={answer.person} />
            <ConversationList conversations={answer.conversations} />
            <Shortcuts withOverview={false} />
          </div>
        </div>
      </StaffView>
    </Page>
  );
}
