import { Form, Link as RemixLink, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { BodyShort, Button, HStack } from "@navikt/ds-react";
import { EnterIcon, LeaveIcon } from "@navikt/aksel-icons";
import { useTranslation } from "react-i18next";
import type { RootData } from "./root-data.server";
import { languages, pathInLanguage } from "~/i18n/languages";
import { useLanguage } from "~/i18n/use-language";
import { LinkButton } from "./LinkButton";

export function Header() {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const data = useRouteLoaderData<RootData>("root");
  // Each language is named in its own language, the same on every page.
  const languageNames = { nb: t("shell.languageName.nb"), nn: t("shell.languageName.nn"), en: t("shell.languageName.en") };
  const home = data?.user?.kind === "staff" ? `/${language}/nks` : `/${language}`;
  // A conversation that has just been read gives the count after reading (app/meldinger/samtaler.server.ts).
  const afterReading = useMatches()
    .map((match) => (match.data as { headerUnread?: number | null } | undefined)?.headerUnread)
    .filter((count) => count !== undefined)
    .at(-1);
  const unreadMessages = afterReading !== undefined ? afterReading : data?.unreadMessages;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <RemixLink to={home} className="site-header__service">
          <span className="site-header__nav" aria-hidden="true">
            {t("shell.navLogo")}
          </span>
          {t("shell.serviceName")}
        </RemixLink>
        <HStack gap="space-16" align="center" wrap className="site-header__tools">
          <nav aria-label={t("shell.languageNav")}>
            <ul className="language-switch">
              {languages.map((lang) => (
                <li key={lang}>
                  <a
                    href={pathInLanguage(location.pathname, lang) + location.search}
                    lang={lang}
                    hrefLang={lang}
                    aria-current={lang === language ? "true" : undefined}
                  >
                    {languageNames[lang]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {data?.user ? (
            <HStack gap="space-8" align="center" wrap>
              {data.user.kind === "applicant" ? (
                <RemixLink
                  to={`/${language}/meldinger`}
                  className="site-header__messages"
                  // The name begins with what is seen ("Meldinger 2"), and says what the number is.
                  aria-label={unreadMessages ? `${t("shell.messages")}, ${t("shell.messagesUnread", { count: unreadMessages })}` : undefined}
                >
                  {t("shell.messages")}
                  {unreadMessages ? <span className="site-header__unread">{unreadMessages}</span> : null}
                </RemixLink>
              ) : null}
              <BodyShort size="small" className="site-header__user">
                <span className="sr-only">{t("shell.loggedInAs")} </span>
                {data.user.name}
              </BodyShort>
              <Form method="post" action={`/${language}/logg-ut`} reloadDocument>
                <Button type="submit" size="small" variant="secondary" icon={<LeaveIcon aria-hidden />}>
                  {t("shell.logout")}
                </Button>
              </Form>
            </HStack>
          ) : (
            <LinkButton to={`/${language}/logg-inn`} size="small" variant="secondary" icon={<EnterIcon aria-hidden />}>
              {t("shell.login")}
            </LinkButton>
          )}
        </HStack>
      </div>
    </header>
  );
}
