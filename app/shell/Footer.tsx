import { Link as RemixLink } from "@remix-run/react";
import { BodyShort, Link } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

export function Footer() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <BodyShort weight="semibold">{t("shell.footerOwner")}</BodyShort>
        <ul className="site-footer__links">
          <li>
            <Link as={RemixLink} to={`/${language}/personvern`}>
              {t("shell.privacy")}
            </Link>
          </li>
          <li>
            <Link as={RemixLink} to={`/${language}/tilgjengelighet`}>
              {t("shell.accessibility")}
            </Link>
          </li>
          <li>
            <Link as={RemixLink} to={`/${language}/kontakt`}>
              {t("shell.contact")}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
