/**
 * What applies to a person given all their answers: which answers still count,
 * whether the application is urgent, and which documents (vedlegg) it needs.
 * Pure functions over the answers stored in the draft and the register data.
 */
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import type { Answers, FamilieAnswer } from "./schemas";
import { applicableSteps, type ApplicationKind } from "./steps";

/** What the application needs from the population register (folkeregisteret). */
export interface RegisterData {
  maritalStatus: FolkeregisterPerson["sivilstand"];
  /** Whether a spouse (ektefelle or registered partner) is in the register. */
  spouseRegistered: boolean;
  /** The person's children in the register, in register order; the familie step asks about each by index. */
  children: ReadonlyArray<{ livesWithApplicant: boolean }>;
  /** ISO 3166 alpha-3 country codes, e.g. NOR. */
  citizenship: readonly string[];
}

export function registerDataFrom(person: FolkeregisterPerson): RegisterData {
  return {
    maritalStatus: person.sivilstand,
    spouseRegistered: Boolean(person.ektefelle),
    children: person.barn.map((child) => ({ livesWithApplicant: child.folkeregistrertSammen })),
    citizenship: person.statsborgerskap,
  };
}

export const nordicCountries = ["NOR", "SWE", "DNK", "FIN", "ISL"] as const;

/** Citizens of a Nordic country need no residence permit; people with no registered citizenship do. */
export function isNordicCitizen(register: Pick<RegisterData, "citizenship">): boolean {
  return register.citizenship.some((code) => (nordicCountries as readonly string[]).includes(code.toUpperCase()));
}

/** Nødhjelp chosen: the office must assess the application the same day (in options.ts, which the step pages load). */
export { isUrgent } from "./options";

/* ---------- documents ---------- */

export interface DocumentRule<Id extends string = string> {
  id: Id;
  /** Whether this document is needed, given the answers and the register. */
  when: (answers: Answers, register: RegisterData) => boolean;
  /** Whether the documentation step also asks for the amount (rent, bill, balance …). */
  hasAmount: boolean;
  /** i18n keys in the `soknad-documents` namespace. */
  title: string;
  description: string;
}

const has = <T extends string>(list: readonly T[] | undefined, value: T) => list?.includes(value) ?? false;

/**
 * The single table that decides which documents an application needs. The order
 * of the rows is the order the documents are listed in.
 */
export const documentRules = [
  {
    id: "skattemelding",
    when: () => true,
    hasAmount: false,
    title: "soknad-documents:skattemelding.title",
    description: "soknad-documents:skattemelding.description",
  },
  {
    id: "oppholdstillatelse",
    when: (_answers, register) => !isNordicCitizen(register),
    hasAmount: false,
    title: "soknad-documents:oppholdstillatelse.title",
    description: "soknad-documents:oppholdstillatelse.description",
  },
  {
    id: "husleiekontrakt",
    when: (answers) => answers.bosituasjon?.housing === "leier",
    hasAmount: false,
    title: "soknad-documents:husleiekontrakt.title",
    description: "soknad-documents:husleiekontrakt.description",
  },
  {
    id: "studielan",
    when: (answers) => answers.inntekt?.studentLoan === "ja",
    hasAmount: true,
    title: "soknad-documents:studielan.title",
    description: "soknad-documents:studielan.description",
  },
  {
    id: "bostotte",
    when: (answers) => answers.inntekt?.bostotteConsent === "nei",
    hasAmount: true,
    title: "soknad-documents:bostotte.title",
    description: "soknad-documents:bostotte.description",
  },
  // Other income, one document per kind.
  {
    id: "inntektBarnebidrag",
    when: (answers) => has(answers.inntekt?.otherIncome, "barnebidrag"),
    hasAmount: true,
    title: "soknad-documents:inntektBarnebidrag.title",
    description: "soknad-documents:inntektBarnebidrag.description",
  },
  {
    id: "inntektUtbytte",
    when: (answers) => has(answers.inntekt?.otherIncome, "utbytte"),
    hasAmount: true,
    title: "soknad-documents:inntektUtbytte.title",
    description: "soknad-documents:inntektUtbytte.description",
  },
  {
    id: "inntektSalg",
    when: (answers) => has(answers.inntekt?.otherIncome, "salg"),
    hasAmount: true,
    title: "soknad-documents:inntektSalg.title",
    description: "soknad-documents:inntektSalg.description",
  },
  {
    id: "inntektLeie",
    when: (answers) => has(answers.inntekt?.otherIncome, "leieinntekt"),
    hasAmount: true,
    title: "soknad-documents:inntektLeie.title",
    description: "soknad-documents:inntektLeie.description",
  },
  {
    id: "inntektForsikring",
    when: (answers) => has(answers.inntekt?.otherIncome, "forsikring"),
    hasAmount: true,
    title: "soknad-documents:inntektForsikring.title",
    description: "soknad-documents:inntektForsikring.description",
  },
  {
    id: "inntektAnnet",
    when: (answers) => has(answers.inntekt?.otherIncome, "annet"),
    hasAmount: true,
    title: "soknad-documents:inntektAnnet.title",
    description: "soknad-documents:inntektAnnet.description",
  },
  // Savings: a statement for each kind of account, an overview for the rest; the amount is the balance.
  {
    id: "kontoutskriftBrukskonto",
    when: (answers) => has(answers.inntekt?.savings, "brukskonto"),
    hasAmount: true,
    title: "soknad-documents:kontoutskriftBrukskonto.title",
    description: "soknad-documents:kontoutskriftBrukskonto.description",
  },
  {
    id: "kontoutskriftSparekonto",
    when: (answers) => has(answers.inntekt?.savings, "sparekonto"),
    hasAmount: true,
    title: "soknad-documents:kontoutskriftSparekonto.title",
    description: "soknad-documents:kontoutskriftSparekonto.description",
  },
  {
    id: "kontoutskriftBsu",
    when: (answers) => has(answers.inntekt?.savings, "bsu"),
    hasAmount: true,
    title: "soknad-documents:kontoutskriftBsu.title",
    description: "soknad-documents:kontoutskriftBsu.description",
  },
  {
    id: "oversiktAksjer",
    when: (answers) => has(answers.inntekt?.savings, "aksjer"),
    hasAmount: true,
    title: "soknad-documents:oversiktAksjer.title",
    description: "soknad-documents:oversiktAksjer.description",
  },
  {
    id: "oversiktLivsforsikring",
    when: (answers) => has(answers.inntekt?.savings, "livsforsikring"),
    hasAmount: true,
    title: "soknad-documents:oversiktLivsforsikring.title",
    description: "soknad-documents:oversiktLivsforsikring.description",
  },
  {
    id: "oversiktSparingAnnet",
    when: (answers) => has(answers.inntekt?.savings, "annet"),
    hasAmount: true,
    title: "soknad-documents:oversiktSparingAnnet.title",
    description: "soknad-documents:oversiktSparingAnnet.description",
  },
  // Housing costs.
  {
    id: "husleiekvittering",
    when: (answers) => has(answers.utgifter?.housingCosts, "husleie"),
    hasAmount: true,
    title: "soknad-documents:husleiekvittering.title",
    description: "soknad-documents:husleiekvittering.description",
  },
  {
    id: "stromregning",
    when: (answers) => has(answers.utgifter?.housingCosts, "strom"),
    hasAmount: true,
    title: "soknad-documents:stromregning.title",
    description: "soknad-documents:stromregning.description",
  },
  {
    id: "kommunaleAvgifterFaktura",
    when: (answers) => has(answers.utgifter?.housingCosts, "kommunaleAvgifter"),
    hasAmount: true,
    title: "soknad-documents:kommunaleAvgifterFaktura.title",
    description: "soknad-documents:kommunaleAvgifterFaktura.description",
  },
  {
    id: "oppvarmingFaktura",
    when: (answers) => has(answers.utgifter?.housingCosts, "oppvarming"),
    hasAmount: true,
    title: "soknad-documents:oppvarmingFaktura.title",
    description: "soknad-documents:oppvarmingFaktura.description",
  },
  {
    id: "boliglanAvdrag",
    when: (answers) => has(answers.utgifter?.housingCosts, "boliglanAvdrag"),
    hasAmount: true,
    title: "soknad-documents:boliglanAvdrag.title",
    description: "soknad-documents:boliglanAvdrag.description",
  },
  {
    id: "boliglanRenter",
    when: (answers) => has(answers.utgifter?.housingCosts, "boliglanRenter"),
    hasAmount: true,
    title: "soknad-documents:boliglanRenter.title",
    description: "soknad-documents:boliglanRenter.description",
  },
  {
    id: "boutgiftAnnet",
    when: (answers) => has(answers.utgifter?.housingCosts, "annet"),
    hasAmount: true,
    title: "soknad-documents:boutgiftAnnet.title",
    description: "soknad-documents:boutgiftAnnet.description",
  },
  // Costs for children (only asked when the person has children).
  {
    id: "barnehageFaktura",
    when: (answers) => has(answers.utgifter?.childCosts, "barnehage"),
    hasAmount: true,
    title: "soknad-documents:barnehageFaktura.title",
    description: "soknad-documents:barnehageFaktura.description",
  },
  {
    id: "sfoFaktura",
    when: (answers) => has(answers.utgifter?.childCosts, "sfo"),
    hasAmount: true,
    title: "soknad-documents:sfoFaktura.title",
    description: "soknad-documents:sfoFaktura.description",
  },
  {
    id: "fritidsaktiviteterKvittering",
    when: (answers) => has(answers.utgifter?.childCosts, "fritidsaktiviteter"),
    hasAmount: true,
    title: "soknad-documents:fritidsaktiviteterKvittering.title",
    description: "soknad-documents:fritidsaktiviteterKvittering.description",
  },
  {
    id: "tannreguleringFaktura",
    when: (answers) => has(answers.utgifter?.childCosts, "tannregulering"),
    hasAmount: true,
    title: "soknad-documents:tannreguleringFaktura.title",
    description: "soknad-documents:tannreguleringFaktura.description",
  },
  {
    id: "barneutgiftAnnet",
    when: (answers) => has(answers.utgifter?.childCosts, "annet"),
    hasAmount: true,
    title: "soknad-documents:barneutgiftAnnet.title",
    description: "soknad-documents:barneutgiftAnnet.description",
  },
  // Other costs.
  {
    id: "medisinKvittering",
    when: (answers) => has(answers.utgifter?.otherCosts, "medisin"),
    hasAmount: true,
    title: "soknad-documents:medisinKvittering.title",
    description: "soknad-documents:medisinKvittering.description",
  },
  {
    id: "tannlegeFaktura",
    when: (answers) => has(answers.utgifter?.otherCosts, "tannlege"),
    hasAmount: true,
    title: "soknad-documents:tannlegeFaktura.title",
    description: "soknad-documents:tannlegeFaktura.description",
  },
  {
    id: "utgiftAnnet",
    when: (answers) => has(answers.utgifter?.otherCosts, "annet"),
    hasAmount: true,
    title: "soknad-documents:utgiftAnnet.title",
    description: "soknad-documents:utgiftAnnet.description",
  },
] as const satisfies readonly DocumentRule[];

export type DocumentId = (typeof documentRules)[number]["id"];

const rulesById = new Map<string, DocumentRule<DocumentId>>(documentRules.map((rule) => [rule.id, rule]));

export function isDocumentId(value: unknown): value is DocumentId {
  return typeof value === "string" && rulesById.has(value);
}

export function documentRule(id: DocumentId): DocumentRule<DocumentId> {
  return rulesById.get(id) as DocumentRule<DocumentId>;
}

function documentsFor(answers: Answers, register: RegisterData): DocumentId[] {
  return documentRules.filter((rule) => rule.when(answers, register)).map((rule) => rule.id);
}

/**
 * The documents this application needs, in the table's order, each once. Only
 * answers that still apply count (see `appliesToAnswers`); pass the kind to
 * leave out steps the kind does not have.
 */
export function requiredDocuments(answers: Answers, register: RegisterData, kind?: ApplicationKind): DocumentId[] {
  return documentsFor(appliesToAnswers(answers, { kind, register }), register);
}

/* ---------- pruning ---------- */

export interface PruneContext {
  /** With the kind, answers to steps and questions outside that kind's flow are dropped. */
  kind?: ApplicationKind;
  /** With the register, the number of children comes from it, and documents no longer required are dropped. */
  register?: RegisterData;
}

function childCount(answers: Answers, register: RegisterData | undefined): number {
  return register ? register.children.length : (answers.familie?.children.length ?? 0);
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * The answers with everything removed that no longer applies, so that neither the
 * summary nor the submitted application can show an answer to a question the
 * person was not asked (e.g. emergency details after nødhjelp was unticked, or
 * costs for children when there are none). Returns a new object; the input is untouched.
 */
export function appliesToAnswers(answers: Answers, context: PruneContext = {}): Answers {
  const { kind, register } = context;
  const steps = kind ? new Set<string>(applicableSteps(kind, answers)) : null;
  const source: Answers = steps ? Object.fromEntries(Object.entries(answers).filter(([step]) => steps.has(step))) : answers;
  const result: Answers = {};
  const children = childCount(source, register);

  if (source.personalia) {
    let personalia = source.personalia;
    if (personalia.addressChoice !== "annen") personalia = without(personalia, "otherAddress");
    if (personalia.noBankAccount) personalia = without(personalia, "accountNumber");
    result.personalia = personalia;
  }

  if (source.behov) {
    let behov = source.behov;
    if (!behov.categories.includes("nodhjelp")) behov = without(behov, "emergency");
    if (!behov.categories.includes("annet")) behov = without(behov, "otherText");
    if (kind === "standard") behov = without(behov, "changedSinceLast", "changeDescription");
    else if (behov.changedSinceLast !== "ja") behov = without(behov, "changeDescription");
    result.behov = behov;
  }

  if (source.arbeid) {
    result.arbeid = source.arbeid.student === "ja" ? source.arbeid : without(source.arbeid, "studyLoad");
  }

  if (source.familie) {
    let familie: FamilieAnswer = source.familie;
    const spouseAsked =
      (familie.maritalStatus === "gift" && !register?.spouseRegistered) || familie.maritalStatus === "samboer";
    if (!spouseAsked) familie = without(familie, "spouse");
    familie = {
      ...familie,
      children: familie.children
        .slice(0, children)
        .map((child, index) =>
          child.sharedResidence === "ja" || register?.children[index]?.livesWithApplicant ? without(child, "visitationPercent") : child,
        ),
    };
    if (children === 0) familie = without(familie, "childSupport");
    result.familie = familie;
  }

  if (source.bosituasjon) {
    result.bosituasjon = source.bosituasjon.housing === "annet" ? source.bosituasjon : without(source.bosituasjon, "housingOther");
  }

  if (source.inntekt) {
    let inntekt = source.inntekt;
    const chosen = inntekt.otherIncome;
    inntekt = {
      ...inntekt,
      otherIncomeAmounts: Object.fromEntries(Object.entries(inntekt.otherIncomeAmounts).filter(([type]) => (chosen as string[]).includes(type))),
    };
    if (kind === "standard") inntekt = without(inntekt, "accountBalance");
    result.inntekt = inntekt;
  }

  if (source.utgifter) {
    result.utgifter = children === 0 ? without(source.utgifter, "childCosts") : source.utgifter;
  }

  if (source.dokumentasjon) {
    const required = register ? new Set<string>(documentsFor(result, register)) : null;
    result.dokumentasjon = {
      documents: source.dokumentasjon.documents
        .filter((document) => isDocumentId(document.id) && (!required || required.has(document.id)))
        .map((document) => (documentRule(document.id).hasAmount ? document : without(document, "amount"))),
    };
  }

  if (source.oppsummering) result.oppsummering = source.oppsummering;

  return result;
}
