import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useRouteError } from "@remix-run/react";
import { isLanguage } from "~/i18n/languages";
import { ErrorPage } from "~/shell/ErrorPage";

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lang)) throw new Response("Not Found", { status: 404 });
  return null;
}

/** The error page below keeps a rate limit's Retry-After (app/rate-limit.server.ts); Remix hands error headers to the boundary's route. */
export const headers: HeadersFunction = ({ parentHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export default function LanguageLayout() {
  return <Outlet />;
}

/**
 * Errors below the language are caught here rather than at the root: when an action fails,
 * Remix still runs the loaders above the boundary, so the root's translations are there
 * and the error page is in the person's language instead of showing its keys.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
