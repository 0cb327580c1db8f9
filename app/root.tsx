import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { Provider } from "@navikt/ds-react";
import { nb } from "@navikt/ds-react/locales";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import "./styles/aksel.css";
import "./styles/app.css";
import sourceSans3Latin from "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2?url";
import { rootData, type RootData } from "./shell/root-data.server";
import { createI18n } from "./i18n/i18n";
import { IntlTexts, IntlTextsProvider } from "./i18n/intl-texts";
import { namespacesFor } from "./i18n/namespaces";
import { rootAkselTranslations, rootResources } from "./i18n/root-texts";
import { useNonce } from "./nonce";
import { Header } from "./shell/Header";
import { Footer } from "./shell/Footer";
import { SessionTimeoutWarning } from "./shell/SessionTimeoutWarning";
import { ErrorPage, errorKind } from "./shell/ErrorPage";
import { pageTitle } from "./shell/meta";
import { PageMeta } from "./shell/PageMeta";
import { FocusAfterNavigation } from "./shell/FocusAfterNavigation";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // The text font (aksel.css), asked for together with the CSS instead of after it: every page's
  // text in nb, nn and en is in its Latin subset, and it then swaps in sooner, with less shifting.
  { rel: "preload", href: sourceSans3Latin, as: "font", type: "font/woff2", crossOrigin: "anonymous" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return rootData(request, params);
}

/**
 * The root's data carries the translations of the page (app/i18n/namespaces.ts), so it is
 * loaded again whenever a navigation goes to a page that needs other translations; and the
 * header's count of unread messages, which changes when a conversation is opened or left.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate ||
  namespacesFor(currentUrl.pathname).join() !== namespacesFor(nextUrl.pathname).join() ||
  /\/meldinger\/./.test(currentUrl.pathname) ||
  /\/meldinger\/./.test(nextUrl.pathname);

/** Error pages get a title too; every other page sets its own. */
export const meta: MetaFunction = (args) => {
  if (!args.error) return pageTitle(args, "common:shell.serviceName");
  const status = isRouteErrorResponse(args.error) ? args.error.status : 500;
  return pageTitle(args, `common:errors.${errorKind(status)}.title`);
};

export type { RootData };

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const language = data?.language ?? "nb";
  const resources = rootResources(data);
  const i18n = useMemo(() => createI18n(language, resources), [language, resources]);
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          {/* Aksel's texts in the page's language come as data (app/i18n/aksel.server.ts). */}
          <Provider locale={nb} translations={rootAkselTranslations(data)}>
            <IntlTextsProvider>
              <div className="app">
                <a href="#maincontent" className="skip-link">
                  {i18n.t("common:shell.skipToContent")}
                </a>
                <Header />
                <main id="maincontent" tabIndex={-1} className="app__main">
                  {children}
                </main>
                <Footer />
                <FocusAfterNavigation />
                {data?.session ? <SessionTimeoutWarning session={data.session} /> : null}
              </div>
              <IntlTexts />
            </IntlTextsProvider>
          </Provider>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the page as interactive, so tests (and only they) can wait for hydration.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}
