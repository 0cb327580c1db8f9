/** A decision in words, as the complaint's steps, review and receipt name it. */
import { List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-language";
import { NavText } from "~/shell/NavText";
import type { KlageDecision } from "./steps";

/** "12. november 2026: Avslått (Livsopphold og husleie)" */
export function DecisionLabel({ decision }: { decision: Pick<KlageDecision, "fattet" | "utfall" | "sakTittel"> }) {
  const { t } = useTranslation("klage");
  const format = useFormat();
  return (
    <>
      {t("decision", { date: format.date(decision.fattet), outcome: t(decision.utfall ? `outcome.${decision.utfall}` : "outcome.unknown") })}
      {decision.sakTittel ? (
        <>
          {" ("}
          <NavText>{decision.sakTittel}</NavText>
          {")"}
        </>
      ) : null}
    </>
  );
}


/** The decisions a complaint is about, as a list (the review and the receipt). */
export function DecisionList({ decisions }: { decisions: readonly Pick<KlageDecision, "letterId" | "fattet" | "utfall" | "sakTittel">[] }) {
  return (
    <List>
      {decisions.map((decision) => (
        <List.Item key={decision.letterId}>
          <DecisionLabel decision={decision} />
        </List.Item>
      ))}
    </List>
  );
}
