/** A decision in words, as the complaint's steps, review and receipt name it. */
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

