import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { useFormat } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "cases:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  try {
    const soknader = await fagsystem.soknader(applicant.fnr);
    const sorted = [...soknader].sort((a, b) => (b.sendtTidspunkt ?? "").localeCompare(a.sendtTidspunkt ?? ""));
    return { soknader: sorted.map((s) => ({ id: s.fiksDigisosId, sentAt: s.sendtTidspunkt ?? null })), unavailable: false };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    console.error("[mine-soknader]", error.message);
    return { soknader: [], unavailable: true };
  }
}

export default function MyApplications() {
  const { t } = useTranslation("cases");
  const format = useFormat();
  const { soknader, unavailable } = useLoaderData<typeof loader>();
  return (
    <Page title={t("title")}>
      {unavailable ? (
        <Alert variant="error">{t("unavailable")}</Alert>
      ) : soknader.length === 0 ? (
        <BodyLong>{t("none")}</BodyLong>
      ) : (
        <ul className="plain-list">
          {soknader.map((soknad) => (
            <li key={soknad.id} className="card">
              <BodyShort weight="semibold">{t("application")}</BodyShort>
              <BodyShort>{soknad.sentAt ? t("sentOn", { date: format.date(soknad.sentAt) }) : t("notSent")}</BodyShort>
            </li>
          ))}
        </ul>
      )}
      <BodyLong>{t("detailsComing")}</BodyLong>
    </Page>
  );
}
