import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Heading, HStack, Link, Tag, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { isActive, loadOverview, nearestDeadline, openTasks } from "~/innsyn/innsyn.server";
import { StatusTag } from "~/innsyn/StatusParts";
import { KlageList } from "~/klage/KlageParts";
import { loadKlager } from "~/klage/klager.server";
import type { SoknadStatus } from "~/innsyn/view";
import { listDrafts } from "~/soknad/drafts.server";
import { DraftList } from "~/soknad/DraftList";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "innsyn:overview.title");

type Row = {
  id: string;
  sendt: string | null;
  status: SoknadStatus | null;
  newVedtak: boolean;
  tasks: number;
  deadline: string | null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const now = new Date();
  const [overview, drafts, klager] = await Promise.all([loadOverview(applicant.fnr, now), listDrafts(applicant.fnr), loadKlager(applicant.fnr, now)]);
  const draftRows = drafts.map((draft) => ({ id: draft.id, updatedAt: draft.updatedAt.toISOString(), deleteAfter: draft.deleteAfter.toISOString() }));
  const klageRows = klager.kind === "ok" ? klager.klager : null;
  if (overview.kind !== "ok") return { unavailable: true, active: [], earlier: [], drafts: draftRows, klager: klageRows };
  const rows = overview.soknader.map((soknad) => ({
    row: {
      id: soknad.id,
      sendt: soknad.sendtTidspunkt,
      status: soknad.view?.status ?? null,
      newVedtak: soknad.view?.vedtak.some((vedtak) => vedtak.isNew) ?? false,
      tasks: soknad.view ? openTasks(soknad.view).length : 0,
      deadline: soknad.view ? nearestDeadline(soknad.view) : null,
    } satisfies Row,
    // A søknad we cannot read stays with the active ones, so it is not overlooked.
    active: soknad.view ? isActive(soknad.view) : true,
  }));
  return {
    unavailable: false,
    active: rows.filter((entry) => entry.active).map((entry) => entry.row),
    earlier: rows.filter((entry) => !entry.active).map((entry) => entry.row),
    drafts: draftRows,
    klager: klageRows,
  };
}

function SoknadCard({ row }: { row: Row }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  return (
    <li className="card">
      <VStack gap="space-8">
        <Heading level="3" size="small">
          <Link as={RemixLink} to={`/${language}/innsyn/${row.id}`}>
            {row.sendt ? t("overview.soknadSent", { date: format.date(row.sendt) }) : t("overview.soknad")}
          </Link>
        </Heading>
        <HStack gap="space-8" align="center" wrap>
          {row.status ? <StatusTag status={row.status} /> : <Tag variant="neutral" size="small">{t("overview.statusUnknown")}</Tag>}
          {row.newVedtak ? (
            <Tag variant="alt1" size="small">
              {t("overview.newVedtak")}
            </Tag>
          ) : null}
          {row.tasks > 0 ? (
            <Tag variant="warning" size="small">
              {t("overview.hasTasks")}
            </Tag>
          ) : null}
        </HStack>
        {row.tasks > 0 ? (
          <BodyShort>{row.deadline ? t("overview.tasksDeadline", { count: row.tasks, date: format.date(row.deadline) }) : t("overview.tasks", { count: row.tasks })}</BodyShort>
        ) : null}
      </VStack>
    </li>
  );
}

export default function MyApplications() {
  const { t } = useTranslation("innsyn");
  const { unavailable, active, earlier, drafts, klager } = useLoaderData<typeof loader>();
  const language = useLanguage();
  return (
    <Page title={t("overview.title")}>
      {drafts.length > 0 ? <DraftList drafts={drafts} /> : null}
      {unavailable ? <Alert variant="error">{t("overview.unavailable")}</Alert> : null}
      {!unavailable && active.length === 0 && earlier.length === 0 ? <BodyLong>{t("overview.none")}</BodyLong> : null}
      {active.length > 0 ? (
        <Section id="active" title={t("overview.active")}>
          <VStack as="ul" gap="space-12" className="plain-list">
            {active.map((row) => (
              <SoknadCard key={row.id} row={row} />
            ))}
          </VStack>
        </Section>
      ) : null}
      {earlier.length > 0 ? (
        <Section id="earlier" title={t("overview.earlier")}>
          <VStack as="ul" gap="space-12" className="plain-list">
            {earlier.map((row) => (
              <SoknadCard key={row.id} row={row} />
            ))}
          </VStack>
        </Section>
      ) : null}
      <KlageList klager={klager ?? []} unavailable={klager === null && !unavailable} />
      <BodyLong>
        <Link as={RemixLink} to={`/${language}/utbetalinger`}>
          {t("payments.all")}
        </Link>
      </BodyLong>
    </Page>
  );
}
