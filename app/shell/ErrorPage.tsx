import { isRouteErrorResponse, Link as RemixLink, useRouteError } from "@remix-run/react";
import { BodyLong, Heading, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

/** The statuses with a page of their own; any other is "unexpected". */
const KINDS: Record<number, "notFound" | "forbidden" | "badRequest" | "methodNotAllowed" | "tooLarge" | "unsupportedType" | "tooManyRequests"> = {
  400: "badRequest",
  403: "forbidden",
  404: "notFound",
  405: "methodNotAllowed",
  413: "tooLarge",
  415: "unsupportedType",
  429: "tooManyRequests",
};

export function errorKind(status: number) {
  return KINDS[status] ?? "unexpected";
}

/** Whole minutes until a rate limit lets the person try again (the 429's data, app/rate-limit.server.ts). */
function minutesToWait(error: unknown): number {
  const seconds = isRouteErrorResponse(error) ? Number((error.data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/**
 * The translated page for an error: 404, 403, a refused request body (400, 413, 415, see
 * app/request-body.server.ts), 405, 429 (app/rate-limit.server.ts) and unexpected errors. Never
 * shows technical details.
 */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const error = useRouteError();
  const kind = errorKind(status);
  const texts = {
    notFound: { title: t("errors.notFound.title"), body: t("errors.notFound.body") },
    forbidden: { title: t("errors.forbidden.title"), body: t("errors.forbidden.body") },
    tooManyRequests: { title: t("errors.tooManyRequests.title"), body: t("errors.tooManyRequests.body", { count: minutesToWait(error) }) },
    badRequest: { title: t("errors.badRequest.title"), body: t("errors.badRequest.body") },
    methodNotAllowed: { title: t("errors.methodNotAllowed.title"), body: t("errors.methodNotAllowed.body") },
    tooLarge: { title: t("errors.tooLarge.title"), body: t("errors.tooLarge.body") },
    unsupportedType: { title: t("errors.unsupportedType.title"), body: t("errors.unsupportedType.body") },
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
