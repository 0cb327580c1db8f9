/** The landing page's short answer to "what must I do, and when does money come?". */
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Heading, HGrid, Link, Box } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";

export type Highlights = {
  nextPayment: { amount: number | null; date: string; soknadId: string } | null;
  task: { soknadId: string; count: number; deadline: string | null } | null;
};

export function CaseHighlights({ highlights }: { highlights: Highlights }) {
  const { t } = useTranslation("innsyn");
  const format = useFormat();
  const language = useLanguage();
  const { task, nextPayment } = highlights;
  if (!task && !nextPayment) return null;
  return (
    <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
      {task ? (
        <Box as="section" aria-labelledby="highlight-task" padding="space-16" borderWidth="2" borderColor="warning" borderRadius="12">
          <Heading level="2" size="small" spacing id="highlight-task">
            {t("highlights.taskTitle")}
          </Heading>
          <BodyLong spacing>
            {task.deadline ? t("highlights.taskDeadline", { count: task.count, date: format.date(task.deadline) }) : t("highlights.task", { count: task.count })}
          </BodyLong>
          <Link as={RemixLink} to={`/${language}/innsyn/${task.soknadId}`}>
            {t("highlights.taskLink")}
          </Link>
        </Box>
      ) : null}
      {nextPayment ? (
        <Box as="section" aria-labelledby="highlight-payment" padding="space-16" borderWidth="1" borderColor="neutral-subtle" borderRadius="12">
          <Heading level="2" size="small" spacing id="highlight-payment">
            {t("highlights.paymentTitle")}
          </Heading>
          <BodyLong spacing>
            {nextPayment.amount !== null
              ? t("highlights.payment", { amount: format.money(nextPayment.amount), date: format.date(nextPayment.date) })
              : t("highlights.paymentNoAmount", { date: format.date(nextPayment.date) })}
          </BodyLong>
          <Link as={RemixLink} to={`/${language}/utbetalinger`}>
            {t("highlights.paymentLink")}
          </Link>
        </Box>
      ) : null}
    </HGrid>
  );
}
