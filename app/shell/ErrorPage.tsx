import { isRouteErrorResponse, Link as RemixLink, useRouteError } from "@remix-run/react";
import { BodyLong, Heading, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

export function errorKind(status: number) {
  return status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 429 ? "tooManyRequests" : "unexpected";
}

/** Whole minutes until a rate limit lets the person try again (the 429's data, app/rate-limit.server.ts). */
function minutesToWait(error: unknown): number {
  const seconds = isRouteErrorResponse(error) ? Number((error.data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/** The translated page for 404, 403, 429 and unexpected errors. Never shows technical details. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const error = useRouteError();
  const kind = errorKind(status);
  const texts = {
    notFound: { title: t("errors.notFound.title"), body: t("errors.notFound.body") },
    forbidden: { title: t("errors.forbidden.title"), body: t("errors.forbidden.body") },
    tooManyRequests: { title: t("errors.tooManyRequests.title"), body: t("errors.tooManyRequests.body", { count: minutesToWait(error) }) },
    unexpected: { title: t("errors.unexpected.title"), body: t("errors.unexpected.body") },
  }[kind];
  return (
    <div className="page">
      <VStack gap="space-16">
        <Heading level="1" size="large">
          {texts.title}
        </Heading>
        <BodyLong>{texts.body}</BodyLong>
        <BodyLong>
          <Link as={RemixLink} to={`/${language}`}>
            {t("errors.backToFront")}
          </Link>
        </BodyLong>
        <BodyLong size="small" className="muted">
          {t("errors.statusCode", { status })}
        </BodyLong>
      </VStack>
    </div>
  );
}
