import { Link as RemixLink } from "@remix-run/react";
import { LinkCard } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

/** The boxes a guide's prose places with a marker, each leading to one of the guides' tools. */
const boxes = {
  "before-you-apply": "/veiviser/sosialhjelp/for-du-soker",
  budget: "/veiviser/okonomi-og-gjeld/budsjett",
  "ask-for-advice": "/veiviser/okonomi-og-gjeld/be-om-rad",
} as const;

export type LinkBoxMarker = keyof typeof boxes;

export function GuideLinkBox({ name }: { name: LinkBoxMarker }) {
  const { t } = useTranslation("veiviser");
  const language = useLanguage();
  return (
    <LinkCard className="guide-box guide-link-box">
      <LinkCard.Title as="span">
        <LinkCard.Anchor asChild>
          <RemixLink to={`/${language}${boxes[name]}`}>{t(`box.${name}.title`)}</RemixLink>
        </LinkCard.Anchor>
      </LinkCard.Title>
      <LinkCard.Description>{t(`box.${name}.description`)}</LinkCard.Description>
    </LinkCard>
  );
}
