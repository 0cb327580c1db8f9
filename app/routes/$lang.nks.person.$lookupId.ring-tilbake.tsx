import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BodyLong } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "~/i18n/languages";
import { statusOf } from "~/nks/nks.server";
import { BlockedPage, BlockedView, StaffNav } from "~/nks/NksParts";
import { CallbackFormView } from "~/nks/CallbackForm";
import { fileCallback, loadCallbackForm, type CallbackActionData } from "~/nks/ringtilbake.server";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

// The title names the page, never the person.
export const meta: MetaFunction = (args) => pageTitle(args, "nks:callbackForm.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer = await loadCallbackForm(request, params.lookupId ?? "");
  return data(answer, { status: statusOf(answer), headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return fileCallback(request, params.lookupId ?? "", isLanguage(params.lang) ? params.lang : "nb");
}

/** "Be kontoret ringe tilbake": a short form the advisor fills in with the caller on the line. */
export default function StaffCallback() {
  const { t } = useTranslation("nks");
  const answer = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as CallbackActionData | { kind: string } | undefined;
  if (answer.kind !== "ok") return <BlockedPage title={t("callbackForm.title")} answer={answer} />;
  const invalid = posted?.kind === "invalid" ? (posted as CallbackActionData) : undefined;
  const blocked = posted && posted.kind !== "invalid" ? (posted as Parameters<typeof BlockedView>[0]["answer"]) : undefined;
  return (
    <Page title={`${t("callbackForm.title")}: ${answer.name}`} gap="space-16">
      <StaffNav lookupId={answer.lookupId} />
      <BodyLong>{t("callbackForm.intro")}</BodyLong>
      {blocked ? <BlockedView answer={blocked} /> : null}
      <CallbackFormView
        ringTilbakeId={answer.ringTilbakeId}
        registeredPhone={answer.registeredPhone}
        office={answer.office}
        maxLength={answer.maxLength}
        languages={answer.languages}
        answer={invalid}
      />
    </Page>
  );
}
