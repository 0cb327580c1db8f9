import { Link as RemixLink } from "@remix-run/react";
import { Heading, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";

export type GuideNavItem = { href: string; title: string; current: boolean };

/** "In this guide": every page of the guide in reading order, the one shown marked with aria-current, and the next page. */
export function GuideNav({ items, guideTitle }: { items: readonly GuideNavItem[]; guideTitle: string }) {
  const { t } = useTranslation("veiviser");
  const index = items.findIndex((item) => item.current);
  const next = index >= 0 ? items[index + 1] : undefined;
  return (
    <VStack gap="space-24">
      {next ? (
        <p>
          <Link as={RemixLink} to={next.href}>
            {t("nav.next", { title: next.title })}
          </Link>
        </p>
      ) : null}
      <nav aria-labelledby="guide-nav-heading" className="guide-nav">
        <Heading level="2" size="small" spacing id="guide-nav-heading">
          {t("nav.title", { guide: guideTitle })}
        </Heading>
        <List as="ol">
          {items.map((item) => (
            <List.Item key={item.href}>
              {item.current ? (
                <Link as={RemixLink} to={item.href} aria-current="page" underline={false}>
                  <strong>{item.title}</strong>
                </Link>
              ) : (
                <Link as={RemixLink} to={item.href}>
                  {item.title}
                </Link>
              )}
            </List.Item>
          ))}
        </List>
      </nav>
    </VStack>
  );
}
