/** The "before you apply" form's post: the list for the situation, or what to fix. Nothing is stored. */
import { data } from "@remix-run/node";
import { readForm } from "~/request-body.server";
import type { DocumentId } from "~/soknad/rules";
import {
  documentsToHaveReady,
  housingChoices,
  incomeKinds,
  livesWithOptions,
  parseSituation,
  situationValues,
  yesNo,
  type SituationErrors,
} from "./before-you-apply";

/** What the page shows again of the answers: only the options it offers, never what else was posted. */
export type ChosenValues = { livesWith?: string; children?: string; housing?: string; income: string[]; student?: string; nordic?: string };

export type BeforeYouApplyAnswer = { values: ChosenValues; errors?: SituationErrors; documents?: DocumentId[] };

const known = (options: readonly string[], value: unknown) => (typeof value === "string" && options.includes(value) ? value : undefined);

export async function beforeYouApplyAction(request: Request) {
  const form = await readForm(request, "small");
  const raw = situationValues(form);
  const values: ChosenValues = {
    livesWith: known(livesWithOptions, raw.livesWith),
    children: known(yesNo, raw.children),
    housing: known(housingChoices, raw.housing),
    income: incomeKinds.filter((kind) => form.getAll("income").includes(kind)),
    student: known(yesNo, raw.student),
    nordic: known(yesNo, raw.nordic),
  };
  const parsed = parseSituation(raw);
  if (!parsed.ok) return data<BeforeYouApplyAnswer>({ values, errors: parsed.errors }, { status: 400 });
  return data<BeforeYouApplyAnswer>({ values, documents: documentsToHaveReady(parsed.situation) });
}
