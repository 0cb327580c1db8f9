import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link as RemixLink, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, Button, HStack, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { loadKlage, withdrawKlage } from "~/klage/klager.server";
import { readForm } from "~/request-body.server";
import { LinkButton } from "~/shell/LinkButton";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "klage-status:trekk.title");

/** A confirmation page, so withdrawing works the same without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const page = await loadKlage(applicant.fnr, params.soknadId ?? "", params.klageId ?? "", new Date());
  if (page.kind !== "ok") return { kind: page.kind, soknadId: page.soknadId } as const;
  const deadlines = page.vedtak.map((item) => item.klagefrist).filter((date): date is string => date !== null);
  return {
    kind: "ok",
    soknadId: page.klage.soknadId,
    klageId: page.klage.klageId,
    state: page.klage.state,
    open: page.klage.open,
    // The latest deadline among its decisions: until then a new complaint is on time.
    klagefrist: deadlines.sort().at(-1) ?? null,
  } as const;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  await readForm(request, "small"); // no fields, but a body that is refused withdraws nothing
  const soknadId = params.soknadId ?? "";
  const klageId = params.klageId ?? "";
  const result = await withdrawKlage(applicant.fnr, soknadId, klageId);
  if (result === "withdrawn") return redirect(`/${params.lang}/innsyn/${encodeURIComponent(soknadId)}/klage/${encodeURIComponent(klageId)}?trukket=1`);
  return data({ result }, { status: result === "decided" ? 409 : 503 });
}

export default function WithdrawKlage() {
  const { t } = useTranslation("klage-status");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const language = useLanguage();
  const format = useFormat();
  const soknadPath = `/${language}/innsyn/${loaded.soknadId}`;
  if (loaded.kind !== "ok") {
    return (
      <Page title={t("trekk.title")}>
        <Alert variant="error">{t(loaded.kind === "invalid" ? "page.invalid" : "page.unavailable")}</Alert>
        <Link as={RemixLink} to={soknadPath}>
          {t("page.back")}
        </Link>
      </Page>
    );
  }
  const klagePath = `${soknadPath}/klage/${loaded.klageId}`;
  const backToKlage = (
    <Link as={RemixLink} to={klagePath}>
      {t("trekk.back")}
    </Link>
  );
  // Decided (or withdrawn) already, or decided while this page was open.
  if (!loaded.open || actionData?.result === "decided") {
    return (
      <Page title={t("trekk.title")}>
        <Alert variant="info" role="status">
          {loaded.state === "TRUKKET" ? t("trekk.alreadyWithdrawn") : t("trekk.decided")}
        </Alert>
        {backToKlage}
      </Page>
    );
  }
  return (
    <Page title={t("trekk.title")}>
      {actionData?.result === "unavailable" ? (
        <Alert variant="error" role="alert">
          {t("trekk.unavailable")}
        </Alert>
      ) : null}
      <BodyLong>{t("trekk.intro")}</BodyLong>
      <List>
        <List.Item>{t("trekk.stops")}</List.Item>
        <List.Item>{t("trekk.final")}</List.Item>
        <List.Item>{loaded.klagefrist ? t("trekk.againUntil", { date: format.date(loaded.klagefrist) }) : t("trekk.again")}</List.Item>
      </List>
      <Form method="post">
        <HStack gap="space-16" wrap>
          <Button type="submit" variant="primary">
            {t("trekk.confirm")}
          </Button>
          <LinkButton to={klagePath} variant="secondary">
            {t("trekk.cancel")}
          </LinkButton>
        </HStack>
      </Form>
    </Page>
  );
}
