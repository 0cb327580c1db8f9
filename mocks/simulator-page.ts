/**
 * The caseworker simulator's HTML: plain server-rendered pages in bokmål, no
 * script and no inline style (the portal's CSP applies when it is reached
 * through the portal). Every interpolated value goes through `html`, which
 * escapes it unless it is already markup made by `html`.
 */
import type { Hastegrad, Hendelse, KlageHendelse, NavKontor, RingTilbakeRapport, RingTilbakeStatus, RingTilbakeTema } from "../app/fagsystem/contract";
import { formatMoney } from "../app/i18n/format";
import { NEW_VEDTAK_UTFALL, NEXT_STATES, OPEN_STATES, klageState } from "./klage";
import { DEFAULT_SAKSBEHANDLER, MAX_FYLL } from "./meldinger";
import type { KlageRecord, MeldingRecord, PersonRecord, RadgivningRecord, SoknadRecord } from "./personas";
import { navKontorer, personName } from "./personas";
import type { Fault } from "./faults";
import type { OfficeQueue, RingTilbakeOverview } from "./ringtilbake";
import { addDays, currentOffice, currentStatus, dokumentasjonkravOf, officeByNumber, osloDate, sakerOf, utbetalingerOf, vilkarOf } from "./simulator";

export const BASE = "/mock/fagsystem";

/* ---------- escaping ---------- */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** Markup from a template: interpolated values are escaped, nested `html` and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new Html(out);
}

/* ---------- the stylesheet ---------- */

export const STYLESHEET = `
body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.45; color: #1b1b1b; background: #f4f4f4; }
header { background: #23262a; color: #fff; padding: .5rem 1rem; display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
header a { color: #fff; }
header p { margin: 0; font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { margin-top: .5rem; }
h2 { margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #c6c6c6; padding: .35rem .5rem; text-align: left; vertical-align: top; }
dl.fakta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; background: #fff; padding: .75rem; border: 1px solid #c6c6c6; }
dl.fakta dt { font-weight: 600; }
dl.fakta dd { margin: 0; }
ol.hendelser { padding-left: 2rem; }
ol.hendelser > li { background: #fff; border: 1px solid #d6d6d6; margin: .4rem 0; padding: .4rem .6rem; }
ol.hendelser ul { margin: .3rem 0; }
.type { font-family: ui-monospace, monospace; font-size: .9em; color: #444; }
.handlinger { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
.handling { align-self: start; background: #fff; border: 1px solid #c6c6c6; padding: .75rem 1rem 1rem; }
.handling h3 { margin: 0 0 .25rem; }
.hjelp { color: #555; font-size: .9em; margin: .25rem 0; }
label { display: block; font-weight: 600; margin-top: .6rem; }
input, select, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: .3rem; border: 1px solid #6a6a6a; border-radius: 3px; }
input[type=checkbox] { width: auto; margin-right: .4rem; }
label.valg { font-weight: normal; display: flex; align-items: center; }
fieldset { border: 1px solid #c6c6c6; margin: .6rem 0 0; padding: .2rem .6rem .6rem; }
legend { font-weight: 600; }
button { font: inherit; margin-top: .8rem; padding: .45rem 1rem; background: #0067c5; color: #fff; border: 1px solid #0067c5; border-radius: 4px; cursor: pointer; }
button.sekundar { background: #fff; color: #0067c5; }
.melding { background: #ccf1d6; border-left: 5px solid #06893a; padding: .5rem 1rem; }
.feil { background: #f9e3e3; border-left: 5px solid #c30000; padding: .5rem 1rem; }
.feil h2 { margin-top: 0; font-size: 1.1rem; }
pre { background: #fff; border: 1px solid #c6c6c6; padding: .5rem; overflow: auto; font-size: .85em; }
pre.tekst { white-space: pre-wrap; font-family: inherit; font-size: 1em; }
ol.meldinger { list-style: none; padding: 0; }
ol.meldinger > li { background: #fff; border: 1px solid #d6d6d6; margin: .5rem 0; padding: .5rem .75rem; max-width: 48rem; }
ol.meldinger > li.fra-nav { margin-left: auto; background: #e6f0ff; }
.meldingstekst { white-space: pre-wrap; margin: .3rem 0; }
.ulest { font-weight: 600; color: #a8100a; }
tr.forfalt > td { background: #fbeaea; }
td.handlinger form { display: inline-block; margin-right: .3rem; }
td.handlinger button { margin-top: .2rem; padding: .25rem .6rem; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #ff9100; outline-offset: 2px; }
`;

/* ---------- pieces ---------- */

const timeFormat = new Intl.DateTimeFormat("nb-NO", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Oslo" });
const formatTime = (iso: string | null | undefined) => (iso ? html`<time datetime="${iso}">${timeFormat.format(new Date(iso))}</time>` : "–");
const amount = (value: number | null | undefined) => (value === null || value === undefined ? "–" : formatMoney(value, "nb"));
const officeLabel = (enhetsnummer: string | null) => {
  const office = officeByNumber(enhetsnummer);
  return office ? `${office.enhetsnummer} ${office.navn}` : (enhetsnummer ?? "–");
};
const letterLink = (id: string, text = "Åpne brevet (PDF)") => html`<a href="${BASE}/dokumenter/${encodeURIComponent(id)}">${text}</a>`;

interface PageOptions {
  title: string;
  melding?: string | null;
  feil?: string | null;
}

export function layout(options: PageOptions, body: Html): string {
  const { title, melding, feil } = options;
  return `<!doctype html>\n${html`<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – saksbehandlersimulator</title>
<link rel="stylesheet" href="${BASE}/simulator.css">
</head>
<body>
<header><p>Mock fagsystem: saksbehandlersimulator</p><nav aria-label="Simulator"><a href="${BASE}">Alle søknader</a></nav></header>
<main>
${feil ? html`<div class="feil" role="alert"><h2>Det gikk ikke</h2><p>${feil}</p></div>` : ""}
${melding ? html`<div class="melding" role="status"><p>${melding}</p></div>` : ""}
<h1>${title}</h1>
${body}
</main>
</body>
</html>`}`;
}

const select = (id: string, name: string, label: string, options: readonly (readonly [string, string])[], selected?: string, hint?: string) => html`
<label for="${id}">${label}</label>${hint ? html`<p class="hjelp" id="${id}-hjelp">${hint}</p>` : ""}
<select id="${id}" name="${name}"${hint ? html` aria-describedby="${id}-hjelp"` : ""}>
${options.map(([value, text]) => html`<option value="${value}"${value === selected ? html` selected` : ""}>${text}</option>`)}
</select>`;

const textInput = (id: string, name: string, label: string, attributes: { type?: string; value?: string; required?: boolean; hint?: string; inputmode?: string } = {}) => html`
<label for="${id}">${label}</label>${attributes.hint ? html`<p class="hjelp" id="${id}-hjelp">${attributes.hint}</p>` : ""}
<input id="${id}" name="${name}" type="${attributes.type ?? "text"}" value="${attributes.value ?? ""}"${attributes.inputmode ? html` inputmode="${attributes.inputmode}"` : ""}${attributes.required ? html` required` : ""}${attributes.hint ? html` aria-describedby="${id}-hjelp"` : ""}>`;

const textarea = (id: string, name: string, label: string, value = "") => html`
<label for="${id}">${label}</label>
<textarea id="${id}" name="${name}" rows="3">${value}</textarea>`;

const checkbox = (id: string, name: string, label: string) => html`<label class="valg" for="${id}"><input id="${id}" name="${name}" type="checkbox" value="ja">${label}</label>`;

const options = (values: readonly string[]) => values.map((value) => [value, value] as const);

/* ---------- events ---------- */

function describeHendelse(hendelse: Hendelse): Html {
  switch (hendelse.type) {
    case "soknadsStatus":
      return html`Søknadsstatus: <strong>${hendelse.status}</strong>`;
    case "tildeltNavKontor":
      return html`Tildelt NAV-kontor: <strong>${officeLabel(hendelse.navKontor)}</strong>`;
    case "saksStatus":
      return html`Sak <strong>${hendelse.referanse}</strong> «${hendelse.tittel ?? "uten tittel"}»: ${hendelse.status ?? "uten status"}`;
    case "vedtakFattet":
      return html`Vedtak i sak <strong>${hendelse.saksreferanse ?? "–"}</strong>: <strong>${hendelse.utfall ?? "uten utfall"}</strong>. ${letterLink(hendelse.vedtaksfil.referanse.id, "Åpne vedtaksbrevet (PDF)")}`;
    case "dokumentasjonEtterspurt":
      return hendelse.dokumenter.length === 0
        ? html`Forespørselen om dokumentasjon er trukket tilbake.${hendelse.forvaltningsbrev ? html` ${letterLink(hendelse.forvaltningsbrev.referanse.id)}` : ""}`
        : html`Dokumentasjon etterspurt:
<ul>${hendelse.dokumenter.map(
            (dokument) =>
              html`<li>${dokument.dokumenttype}${dokument.tilleggsinformasjon ? html` (${dokument.tilleggsinformasjon})` : ""}, frist ${formatTime(dokument.innsendelsesfrist)}${dokument.dokumentreferanse ? html` <span class="type">${dokument.dokumentreferanse}</span>` : ""}</li>`,
          )}</ul>${hendelse.forvaltningsbrev ? letterLink(hendelse.forvaltningsbrev.referanse.id) : ""}`;
    case "forelopigSvar":
      return html`Foreløpig svar sendt. ${letterLink(hendelse.forvaltningsbrev.referanse.id)}`;
    case "utbetaling":
      return html`Utbetaling <strong>${hendelse.utbetalingsreferanse}</strong>: <strong>${hendelse.status}</strong>, ${amount(hendelse.belop)}${hendelse.beskrivelse ? ` «${hendelse.beskrivelse}»` : ""}${
        hendelse.saksreferanse ? `, sak ${hendelse.saksreferanse}` : ""
      }. Forfall ${hendelse.forfallsdato ?? "–"}, utbetalt ${hendelse.utbetalingsdato ?? "–"}, periode ${hendelse.fom ?? "–"} til ${hendelse.tom ?? "–"}, mottaker ${hendelse.mottaker ?? "–"}${
        hendelse.annenMottaker ? " (annen mottaker)" : hendelse.kontonummer ? `, konto ${hendelse.kontonummer}` : ""
      }.`;
    case "vilkar":
      return html`Vilkår <strong>${hendelse.vilkarreferanse}</strong> «${hendelse.tittel ?? ""}»: <strong>${hendelse.status ?? "–"}</strong>${hendelse.beskrivelse ? html`<br>${hendelse.beskrivelse}` : ""}`;
    case "dokumentasjonkrav":
      return html`Dokumentasjonskrav <strong>${hendelse.dokumentasjonkravreferanse}</strong> «${hendelse.tittel ?? ""}»: <strong>${hendelse.status ?? "–"}</strong>${
        hendelse.frist ? `, frist ${hendelse.frist}` : ""
      }${hendelse.beskrivelse ? html`<br>${hendelse.beskrivelse}` : ""}`;
    case "rammevedtak":
      return html`Rammevedtak <strong>${hendelse.rammevedtaksreferanse}</strong>: ${amount(hendelse.belop)}, ${hendelse.fom ?? "–"} til ${hendelse.tom ?? "–"}`;
    default:
      return html`Ukjent hendelse`;
  }
}

/* ---------- the overview ---------- */

/** A conversation in a list: whose, and its counts from both sides. */
export interface SamtaleListItem {
  samtaleId: string;
  person: PersonRecord;
  kontor: string | null;
  antallMeldinger: number;
  /** The office's messages the person has not read, and the person's the office has not. */
  antallUleste: number;
  antallUlesteForNav: number;
  sisteMelding: string | null;
}

export interface OverviewInput {
  soknader: { soknad: SoknadRecord; person: PersonRecord | undefined; klager: readonly KlageRecord[]; antallMeldinger: number }[];
  persons: readonly PersonRecord[];
  /** The general conversations worth listing (the personas', and any other that holds messages). */
  samtaler: readonly SamtaleListItem[];
  /** Requests for economic advice, newest first. */
  radgivning: readonly { record: RadgivningRecord; person: PersonRecord | undefined }[];
  /** Every office's call-back queue and finished requests, and the report. */
  ringTilbake: { kontorer: readonly OfficeQueue[]; rapport: RingTilbakeRapport };
  faults: readonly Fault[];
}

const KONTAKTMATE: Record<RadgivningRecord["kontaktmate"], string> = { TELEFON: "Telefon", MELDING: "Melding i portalen", BREV: "Brev" };
const KONTAKTTID: Record<NonNullable<RadgivningRecord["kontakttid"]>, string> = { FORMIDDAG: "formiddag", ETTERMIDDAG: "ettermiddag", HELE_DAGEN: "hele dagen" };

/** The requests for economic advice (§ 17): who, which office, what they wrote, how to reach them, and "Marker som kontaktet". */
function radgivningSection(items: OverviewInput["radgivning"]): Html {
  if (items.length === 0) return html`<p>Ingen har bedt om råd ennå.</p>`;
  return html`<table>
<thead><tr><th scope="col">Person</th><th scope="col">Mottatt</th><th scope="col">NAV-kontor</th><th scope="col">Beskrivelse</th><th scope="col">Kontakt</th><th scope="col">Status</th></tr></thead>
<tbody>
${items.map(
  ({ record, person }) => html`<tr id="radgivning-${record.radgivningId}">
<td>${person ? personName(person) : record.fnr}${person ? html` <span class="type">${person.id}</span>` : ""}</td>
<td>${formatTime(record.mottattTidspunkt)}</td>
<td>${record.kontornavn} (${record.navEnhet})</td>
<td class="meldingstekst">${record.beskrivelse}</td>
<td>${KONTAKTMATE[record.kontaktmate]}${record.telefonnummer ? html`: <span class="type">${record.telefonnummer}</span>` : ""}${record.kontakttid ? `, ${KONTAKTTID[record.kontakttid]}` : ""} (${record.language})</td>
<td>${
    record.status === "KONTAKTET"
      ? html`KONTAKTET ${formatTime(record.kontaktetTidspunkt)}`
      : html`MOTTATT <form method="post" action="${BASE}/radgivning/${encodeURIComponent(record.radgivningId)}/kontaktet"><button type="submit">Marker som kontaktet</button></form>`
  }</td>
</tr>`,
)}
</tbody>
</table>`;
}

const HASTEGRAD: Record<Hastegrad, string> = { I_DAG: "I dag (akutt)", TO_VIRKEDAGER: "Innen to virkedager", NAR_DET_PASSER: "Når det passer" };
const TEMA: Record<RingTilbakeTema, string> = {
  OKONOMISK_SOSIALHJELP: "Økonomisk sosialhjelp",
  SOKNAD: "Søknaden",
  UTBETALING: "En utbetaling",
  VEDTAK: "Et vedtak",
  OKONOMISK_RADGIVNING: "Økonomisk rådgivning",
  ANNET: "Annet",
};
const RINGTILBAKE_STATUS: Record<RingTilbakeStatus, string> = { APEN: "Åpen", RINGT_NADD: "Ringt, nådd", RINGT_IKKE_NADD: "Ringt, ikke nådd", LUKKET: "Lukket" };
/** The finished requests shown per office; the JSON API has them all. */
const MAX_AVSLUTTET = 20;

const languageNames = new Intl.DisplayNames(["nb"], { type: "language", fallback: "code" });
/** An ISO 639 code by its Norwegian name ("ti" → "tigrinja"), or the code itself. */
const languageName = (code: string) => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

const ringTilbakeAction = (id: string, action: string, text: string) =>
  html`<form method="post" action="${BASE}/ringtilbake/${encodeURIComponent(id)}/handlinger"><input type="hidden" name="action" value="${action}"><button type="submit">${text}</button></form>`;

/** One call-back request: how urgent, by when (overdue marked), who and how to reach them, what about, the calls, and the actions while it is open. */
function ringTilbakeRow(entry: RingTilbakeOverview, open: boolean): Html {
  return html`<tr id="ringtilbake-${entry.ringTilbakeId}"${entry.forfalt ? html` class="forfalt"` : ""}>
<td>${HASTEGRAD[entry.hastegrad]}</td>
<td>${formatTime(entry.frist)}${entry.forfalt ? html` <strong class="ulest">FORFALT</strong>` : ""}</td>
<td>${entry.name ?? entry.fnr}${entry.personaId ? html` <span class="type">${entry.personaId}</span>` : ""}</td>
<td>${TEMA[entry.tema]}</td>
<td><span class="type">${entry.telefonnummer}</span>${entry.kontakttid ? `, ${KONTAKTTID[entry.kontakttid]}` : ""}</td>
<td>${entry.tolkesprak ? languageName(entry.tolkesprak) : "–"}</td>
<td class="meldingstekst">${entry.notat ?? "–"}</td>
<td>${entry.forsok.length === 0 ? "–" : html`<ol>${entry.forsok.map((forsok) => html`<li>${formatTime(forsok.tidspunkt)}: ${forsok.nadd ? "nådd" : "ikke svar"}</li>`)}</ol>`}</td>
<td${open ? html` class="handlinger"` : ""}>${
    open
      ? html`${RINGTILBAKE_STATUS[entry.status]}<br>${ringTilbakeAction(entry.ringTilbakeId, "ringt-nadd", "Ringt, nådd")}${ringTilbakeAction(entry.ringTilbakeId, "ringt-ikke-nadd", "Ringt, ikke svar")}${ringTilbakeAction(entry.ringTilbakeId, "lukk", "Lukk")}`
      : html`${RINGTILBAKE_STATUS[entry.status]}${entry.lukket ? html` ${formatTime(entry.lukket.tidspunkt)}${entry.lukket.arsak === "IKKE_NADD" ? " (ikke nådd, melding sendt)" : ""}` : ""}`
  }</td>
</tr>`;
}

const ringTilbakeHead = html`<thead><tr><th scope="col">Hastegrad</th><th scope="col">Frist</th><th scope="col">Person</th><th scope="col">Tema</th><th scope="col">Ring</th><th scope="col">Tolk</th><th scope="col">Notat</th><th scope="col">Forsøk</th><th scope="col">Status</th></tr></thead>`;

/** Minutes as "42 min" or "3 t 5 min". */
const duration = (minutes: number | null) => (minutes === null ? "–" : minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} t ${minutes % 60} min`);

/** Each office with requests: its queue (most urgent first, then by deadline), then its finished requests; and the report for every office. */
function ringTilbakeSection(input: OverviewInput["ringTilbake"]): Html {
  const kontorer = input.kontorer.filter((kontor) => kontor.ko.length > 0 || kontor.avsluttet.length > 0);
  return html`${
    kontorer.length === 0
      ? html`<p>Ingen har bedt om å bli ringt opp ennå.</p>`
      : kontorer.map(
          (kontor) => html`<h3 id="ringtilbake-kontor-${kontor.navEnhet}">${kontor.kontornavn} (${kontor.navEnhet}): ${kontor.ko.length} i kø</h3>
${kontor.ko.length === 0 ? html`<p>Ingen i køen.</p>` : html`<table>${ringTilbakeHead}<tbody>${kontor.ko.map((entry) => ringTilbakeRow(entry, true))}</tbody></table>`}
${
  kontor.avsluttet.length === 0
    ? ""
    : html`<details><summary>Avsluttet (${kontor.avsluttet.length})</summary><table>${ringTilbakeHead}<tbody>${kontor.avsluttet.slice(0, MAX_AVSLUTTET).map((entry) => ringTilbakeRow(entry, false))}</tbody></table></details>`
}`,
        )
  }
<h3 id="ringtilbake-rapport">Rapport: siste 30 dager</h3>
<p class="hjelp">Forespørsler mottatt fra ${formatTime(input.rapport.fra)} til ${formatTime(input.rapport.til)}. «Innen fristen» regnes av de målte: ringt (første forsøk før fristen teller), eller ikke ringt innen en frist som er ute. Lukket uten oppringing før fristen måles ikke.</p>
<table>
<thead><tr><th scope="col">NAV-kontor</th><th scope="col">Forespørsler</th><th scope="col">Målt</th><th scope="col">Ringt innen fristen</th><th scope="col">Andel innen fristen</th><th scope="col">Median til første oppringing</th><th scope="col">Venter</th><th scope="col">Lukket uten oppringing</th></tr></thead>
<tbody>
${input.rapport.kontorer.map(
  (kontor) => html`<tr id="ringtilbake-rapport-${kontor.navEnhet}">
<td>${kontor.kontornavn} (${kontor.navEnhet})</td>
<td>${kontor.antall}</td>
<td>${kontor.malt}</td>
<td>${kontor.ringtITide}</td>
<td>${kontor.andelITide === null ? "–" : `${Math.round(kontor.andelITide * 100)} %`}</td>
<td>${duration(kontor.medianMinutterTilForsteOppringing)}</td>
<td>${kontor.venter}</td>
<td>${kontor.lukketUtenOppringing}</td>
</tr>`,
)}
</tbody>
</table>`;
}

const samtaleLink = (samtaleId: string, text: string) => html`<a href="${BASE}/samtaler/${encodeURIComponent(samtaleId)}">${text}</a>`;

export function overviewPage(input: OverviewInput, messages: Omit<PageOptions, "title"> = {}): string {
  const personOptions = input.persons.map((person) => [person.id, `${personName(person)} (${person.id})`] as const);
  return layout(
    { title: "Saksbehandlersimulator", ...messages },
    html`
<p>Her spiller du saksbehandler i kommunens fagsystem: velg en søknad og legg til hendelser. Portalen viser dem med en gang. Dette finnes bare når portalen kjører med mock (MOCKS=true).</p>
<h2>Søknader</h2>
${
  input.soknader.length === 0
    ? html`<p>Ingen søknader ennå.</p>`
    : html`<table>
<thead><tr><th scope="col">Person</th><th scope="col">Sendt</th><th scope="col">Status</th><th scope="col">NAV-kontor</th><th scope="col">Hendelser</th><th scope="col">Klager</th><th scope="col">Meldinger</th></tr></thead>
<tbody>
${input.soknader.map(
  ({ soknad, person, klager, antallMeldinger }) => html`<tr>
<td><a href="${BASE}/soknader/${encodeURIComponent(soknad.fiksDigisosId)}">${person ? personName(person) : soknad.fnr}</a>${person ? html` <span class="type">${person.id}</span>` : ""}</td>
<td>${formatTime(soknad.sendtTidspunkt)}</td>
<td>${currentStatus(soknad) ?? "–"}</td>
<td>${officeLabel(currentOffice(soknad))}</td>
<td>${soknad.hendelser.length}</td>
<td>${klager.length === 0 ? "–" : klager.map((klage) => klageState(klage)).join(", ")}</td>
<td>${antallMeldinger}</td>
</tr>`,
)}
</tbody>
</table>`
}

<h2>Meldinger</h2>
<p>Den generelle samtalen hver person har med NAV-kontoret i kommunen sin. Samtalen om en søknad finner du på søknadens side.</p>
<table>
<thead><tr><th scope="col">Person</th><th scope="col">NAV-kontor</th><th scope="col">Meldinger</th><th scope="col">Uleste for NAV</th><th scope="col">Uleste for personen</th><th scope="col">Siste melding</th></tr></thead>
<tbody>
${input.samtaler.map(
  (samtale) => html`<tr>
<td>${samtaleLink(samtale.samtaleId, personName(samtale.person))} <span class="type">${samtale.person.id}</span></td>
<td>${samtale.kontor ?? "– (ingen adresse)"}</td>
<td>${samtale.antallMeldinger}</td>
<td>${samtale.antallUlesteForNav}</td>
<td>${samtale.antallUleste}</td>
<td>${formatTime(samtale.sisteMelding)}</td>
</tr>`,
)}
</tbody>
</table>

<h2 id="radgivning">Økonomisk rådgivning</h2>
<p>Forespørsler om økonomisk rådgivning (sosialtjenesteloven § 17), nyeste først. Ring, skriv eller send brev slik personen ba om, og marker forespørselen som kontaktet.</p>
${radgivningSection(input.radgivning)}

<h2 id="ringtilbake">Ring tilbake</h2>
<p>Forespørsler fra NAV Kontaktsenter om at kontoret ringer personen, i kø per kontor: de mest akutte først, så etter frist. Ring, og marker «Ringt, nådd» eller «Ringt, ikke svar». Etter tre forsøk uten svar lukkes forespørselen, og personen får en melding om å ta kontakt.</p>
${ringTilbakeSection(input.ringTilbake)}

<h2>Ny søknad</h2>
<form method="post" action="${BASE}/soknader">
${select("ny-person", "personaId", "Person", personOptions, "forstegang", "Søknaden blir MOTTATT og tildelt kontoret for personens adresse, uten filer.")}
<button type="submit">Opprett søknad</button>
</form>

<h2>Feil i fagsystemet</h2>
<p>Får fagsystemet til å svare med feil, være tregt eller bryte forbindelsen, for å vise hvordan portalen tåler det.</p>
${
  input.faults.length === 0
    ? html`<p>Ingen feil er slått på.</p>`
    : html`<ul>${input.faults.map(
        (fault) =>
          html`<li><span class="type">${fault.method ?? "alle metoder"} ${fault.path}</span>${fault.fnr ? ` for ${fault.fnr}` : ""}: ${
            fault.drop ? "bryter forbindelsen" : fault.status !== undefined ? `svarer ${fault.status}` : "svarer normalt"
          }${fault.delayMs ? ` etter ${fault.delayMs} ms` : ""}</li>`,
      )}</ul>`
}
<form method="post" action="${BASE}/feil">
<input type="hidden" name="handling" value="legg-til">
${textInput("feil-sti", "path", "Sti (prefiks)", { value: "/api/v1/soknader", required: true, hint: "For eksempel /api/v1/soknader, /api/v1/klager, /api/v1/folkeregister eller /api/v1/dokumentlager." })}
${select("feil-metode", "method", "Metode", [["", "Alle"], ["GET", "GET"], ["POST", "POST"]])}
${select("feil-person", "fnr", "Person", [["", "Alle"], ...input.persons.map((person) => [person.folkeregister.fnr, `${personName(person)} (${person.id})`] as const)])}
${textInput("feil-status", "status", "HTTP-status", { type: "number", value: "503", hint: "Tom for bare forsinkelse." })}
${textInput("feil-forsinkelse", "delayMs", "Forsinkelse i millisekunder", { type: "number", value: "" })}
${checkbox("feil-brudd", "drop", "Bryt forbindelsen i stedet for å svare (HTTP-status blir ikke brukt)")}
<button type="submit">Slå på feilen</button>
</form>
<form method="post" action="${BASE}/feil">
<input type="hidden" name="handling" value="fjern">
<button type="submit" class="sekundar">Fjern alle feil</button>
</form>

<h2>Tilbakestill</h2>
<form method="post" action="${BASE}/tilbakestill">
<p>Sletter alt som er gjort og lager personene og søknadene på nytt.</p>
<button type="submit" class="sekundar">Tilbakestill alle data</button>
</form>`,
  );
}

/* ---------- one søknad ---------- */

export interface SoknadPageInput {
  soknad: SoknadRecord;
  person: PersonRecord | undefined;
  /** The søknad's complaints, oldest first. */
  klager: readonly KlageRecord[];
  /** The søknad's conversation; null when it has none (not sent, or nobody's). */
  samtale: SamtaleView | null;
  now: Date;
}

const endOfMonth = (date: string) => {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

export function soknadPage(input: SoknadPageInput, messages: Omit<PageOptions, "title"> = {}): string {
  const { soknad, person } = input;
  const id = soknad.fiksDigisosId;
  const today = osloDate(input.now);
  const frist = addDays(today, 7);
  const saker = [...sakerOf(soknad).values()];
  const utbetalinger = [...utbetalingerOf(soknad).values()];
  const vilkar = [...vilkarOf(soknad).values()];
  const krav = [...dokumentasjonkravOf(soknad).values()];
  const sakOptions = saker.map((sak) => [sak.referanse, `${sak.referanse} ${sak.tittel ?? ""}`.trim()] as const);
  const optionalSak = [["", "Ingen / som før"] as const, ...sakOptions];
  const lastSak = saker.at(-1)?.referanse;
  // The payment a demo most likely pays next: the newest one still planned.
  const nextPayment = [...utbetalinger].reverse().find((utbetaling) => utbetaling.status === "PLANLAGT_UTBETALING")?.utbetalingsreferanse ?? "";
  const action = `${BASE}/soknader/${encodeURIComponent(id)}/handlinger`;
  const form = (name: string, title: string, hint: string, fields: Html | Html[], button: string) => html`
<section class="handling" aria-labelledby="handling-${name}">
<h3 id="handling-${name}">${title}</h3>
<p class="hjelp">${hint}</p>
<form method="post" action="${action}">
<input type="hidden" name="action" value="${name}">
${fields}
<button type="submit">${button}</button>
</form>
</section>`;

  const title = `Søknad fra ${person ? personName(person) : soknad.fnr}`;
  return layout(
    { title, ...messages },
    html`
<dl class="fakta">
<dt>fiksDigisosId</dt><dd class="type">${id}</dd>
<dt>Persona</dt><dd>${person?.id ?? "–"}</dd>
<dt>Fødselsnummer</dt><dd>${soknad.fnr}</dd>
<dt>Status</dt><dd>${currentStatus(soknad) ?? "–"}</dd>
<dt>NAV-kontor</dt><dd>${officeLabel(currentOffice(soknad))}</dd>
<dt>Språk</dt><dd>${soknad.innsending?.language ?? "nb (ikke oppgitt)"}</dd>
<dt>Sendt</dt><dd>${formatTime(soknad.sendtTidspunkt)}</dd>
</dl>

<h2>Hendelser</h2>
<p class="hjelp">Eldste først. Det er denne listen portalen leser (digisos-soker.json).</p>
<ol class="hendelser">
${soknad.hendelser.map((hendelse) => html`<li>${formatTime(hendelse.hendelsestidspunkt)} <span class="type">${hendelse.type}</span><br>${describeHendelse(hendelse)}</li>`)}
</ol>
<details>
<summary>Hendelsene som JSON</summary>
<pre>${JSON.stringify(soknad.hendelser, null, 2)}</pre>
</details>

${klagerSection(soknad, input.klager)}

<h2 id="meldinger">Meldinger</h2>
${
  input.samtale
    ? html`<p class="hjelp">Samtalen om denne søknaden. Du kan også <a href="${BASE}/samtaler/${encodeURIComponent(input.samtale.samtaleId)}">åpne den på en egen side</a>.</p>
${meldingerSection(input.samtale, "soknad")}`
    : html`<p>Søknaden har ingen samtale.</p>`
}

<h2>Handlinger</h2>
<p>Vanlig gang: MOTTATT → UNDER_BEHANDLING → opprett sak → etterspør dokumentasjon → vedtak INNVILGET med beløp → utbetaling UTBETALT.</p>
<div class="handlinger">
${form(
  "status",
  "Søknadsstatus",
  "Setter statusen på hele søknaden.",
  select("status-status", "status", "Status", options(["MOTTATT", "UNDER_BEHANDLING", "FERDIGBEHANDLET", "BEHANDLES_IKKE"]), currentStatus(soknad) === "MOTTATT" ? "UNDER_BEHANDLING" : "FERDIGBEHANDLET"),
  "Sett status",
)}
${form(
  "sak",
  "Sak",
  "Oppretter en sak, eller endrer en med samme referanse. Referansen lages (SAK-xxxx) når feltet er tomt.",
  [
    textInput("sak-referanse", "referanse", "Referanse (valgfri)"),
    textInput("sak-tittel", "tittel", "Tittel", { value: "Livsopphold", required: true }),
    select("sak-status", "status", "Status", options(["UNDER_BEHANDLING", "IKKE_INNSYN", "BEHANDLES_IKKE", "FEILREGISTRERT"]), "UNDER_BEHANDLING"),
  ],
  "Lagre sak",
)}
${form(
  "etterspor",
  "Etterspør dokumentasjon",
  "Erstatter hele listen over etterspurte dokumenter og sender et brev. Rader uten dokumenttype hoppes over.",
  [
    ["Kontoutskrift", "For alle kontoene dine de siste tre månedene."],
    ["Husleiekontrakt", ""],
    ["", ""],
  ].map(
    ([type, info], index) => html`<fieldset>
<legend>Dokument ${index + 1}</legend>
${textInput(`etterspor-type-${index + 1}`, `dokumenttype${index + 1}`, "Dokumenttype", { value: type })}
${textInput(`etterspor-info-${index + 1}`, `tilleggsinformasjon${index + 1}`, "Tilleggsinformasjon", { value: info })}
${textInput(`etterspor-frist-${index + 1}`, `innsendelsesfrist${index + 1}`, "Frist", { type: "date", value: frist })}
</fieldset>`,
  ).concat(checkbox("etterspor-trekk", "trekkTilbake", "Trekk tilbake forespørselen (radene over brukes ikke)")),
  "Etterspør",
)}
${form("forelopigSvar", "Foreløpig svar", "Sender et brev om at behandlingen tar lengre tid enn vanlig.", html``, "Send foreløpig svar")}
${form(
  "vedtak",
  "Vedtak",
  "Lager et vedtaksbrev (PDF) på søkerens språk. Med beløp og utfall INNVILGET eller DELVIS_INNVILGET planlegges også en utbetaling.",
  saker.length === 0
    ? html`<p><strong>Opprett en sak først.</strong></p>`
    : [
        select("vedtak-sak", "saksreferanse", "Sak", sakOptions, lastSak),
        select("vedtak-utfall", "utfall", "Utfall", options(["INNVILGET", "DELVIS_INNVILGET", "AVSLATT", "AVVIST"]), "INNVILGET"),
        textInput("vedtak-belop", "belop", "Beløp i kroner", { value: "7850", inputmode: "decimal", hint: "Brukes ikke ved AVSLATT og AVVIST." }),
        textInput("vedtak-fom", "fom", "Fra og med", { type: "date", value: today }),
        textInput("vedtak-tom", "tom", "Til og med", { type: "date", value: endOfMonth(today) }),
        textarea("vedtak-begrunnelse", "begrunnelse", "Begrunnelse (valgfri, ellers en standardtekst)"),
        checkbox("vedtak-p19", "paragraf19", "Vurdert også etter § 19 (stønad i særlige tilfeller)"),
      ],
  "Fatt vedtak",
)}
${form(
  "utbetaling",
  "Utbetaling",
  "Ny utbetaling, eller endring av en eksisterende (felt som står tomme beholdes). Utbetalingsdato blir i dag ved UTBETALT.",
  [
    select("utbetaling-ref", "referanse", "Utbetaling", [["", "Ny utbetaling"], ...utbetalinger.map((utbetaling) => [utbetaling.utbetalingsreferanse, `${utbetaling.utbetalingsreferanse}: ${utbetaling.status}, ${amount(utbetaling.belop)}`] as const)], nextPayment),
    select("utbetaling-status", "status", "Status", options(["PLANLAGT_UTBETALING", "UTBETALT", "STOPPET", "ANNULLERT"]), nextPayment ? "UTBETALT" : "PLANLAGT_UTBETALING"),
    textInput("utbetaling-belop", "belop", "Beløp i kroner", { inputmode: "decimal", hint: "Påkrevd for en ny utbetaling." }),
    select("utbetaling-sak", "saksreferanse", "Sak", optionalSak, ""),
    textInput("utbetaling-beskrivelse", "beskrivelse", "Beskrivelse", { hint: "For eksempel Livsopphold eller Husleie." }),
    textInput("utbetaling-forfall", "forfallsdato", "Forfallsdato", { type: "date" }),
    textInput("utbetaling-dato", "utbetalingsdato", "Utbetalingsdato", { type: "date" }),
    textInput("utbetaling-fom", "fom", "Fra og med", { type: "date" }),
    textInput("utbetaling-tom", "tom", "Til og med", { type: "date" }),
    textInput("utbetaling-annen", "annenMottaker", "Annen mottaker (navn)", { hint: "Tom: søkeren, til kontonummeret i kontoregisteret." }),
  ],
  "Lagre utbetaling",
)}
${form(
  "vilkar",
  "Vilkår",
  "Nytt vilkår, eller endring av et eksisterende (felt som står tomme beholdes).",
  [
    select("vilkar-ref", "referanse", "Vilkår", [["", "Nytt vilkår"], ...vilkar.map((item) => [item.vilkarreferanse, `${item.vilkarreferanse}: ${item.tittel ?? ""} (${item.status ?? "–"})`] as const)], ""),
    select("vilkar-sak", "saksreferanse", "Sak", optionalSak, ""),
    textInput("vilkar-tittel", "tittel", "Tittel", { value: vilkar.length === 0 ? "Delta i arbeidsrettet aktivitet" : "" }),
    textarea("vilkar-beskrivelse", "beskrivelse", "Beskrivelse"),
    select("vilkar-status", "status", "Status", options(["RELEVANT", "ANNULLERT", "OPPFYLT", "IKKE_OPPFYLT", "LEVERT_TIDLIGERE"]), "RELEVANT"),
  ],
  "Lagre vilkår",
)}
${form(
  "dokumentasjonkrav",
  "Dokumentasjonskrav",
  "Nytt krav, eller endring av et eksisterende (felt som står tomme beholdes).",
  [
    select("krav-ref", "referanse", "Krav", [["", "Nytt krav"], ...krav.map((item) => [item.dokumentasjonkravreferanse, `${item.dokumentasjonkravreferanse}: ${item.tittel ?? ""} (${item.status ?? "–"})`] as const)], ""),
    select("krav-sak", "saksreferanse", "Sak", optionalSak, ""),
    textInput("krav-tittel", "tittel", "Tittel", { value: krav.length === 0 ? "Kvittering for betalt husleie" : "" }),
    textarea("krav-beskrivelse", "beskrivelse", "Beskrivelse"),
    textInput("krav-frist", "frist", "Frist", { type: "date", value: frist }),
    select("krav-status", "status", "Status", options(["RELEVANT", "ANNULLERT", "OPPFYLT", "IKKE_OPPFYLT", "LEVERT_TIDLIGERE"]), "RELEVANT"),
  ],
  "Lagre krav",
)}
${form(
  "tildel",
  "Tildel eller videresend",
  "Gir søknaden til et annet NAV-kontor.",
  select(
    "tildel-kontor",
    "navKontor",
    "NAV-kontor",
    navKontorer.map((office) => [office.enhetsnummer, `${office.enhetsnummer} ${office.navn}`] as const),
    currentOffice(soknad) ?? undefined,
  ),
  "Tildel",
)}
</div>`,
  );
}

/* ---------- complaints ---------- */

const ARSAK_OPTIONS = [
  ["FOR_SENT", "FOR_SENT: kom etter klagefristen"],
  ["IKKE_KLAGERETT", "IKKE_KLAGERETT: har ikke rett til å klage"],
  ["ANNET", "ANNET"],
] as const;

function describeKlageHendelse(hendelse: KlageHendelse): Html {
  return html`Klagestatus: <strong>${hendelse.status}</strong>${hendelse.arsak ? ` (${hendelse.arsak})` : ""}.${hendelse.brev ? html` ${letterLink(hendelse.brev.referanse.id)}` : ""}${
    hendelse.nyttVedtak ? html` ${letterLink(hendelse.nyttVedtak.referanse.id, "Åpne det nye vedtaket (PDF)")}` : ""
  }`;
}

/** The vedtak a complaint is about, as the søknad's log names them. */
function complainedVedtak(soknad: SoknadRecord, klage: KlageRecord): Html[] {
  return klage.vedtakIds.map((id) => {
    const vedtak = soknad.hendelser.find((hendelse) => hendelse.type === "vedtakFattet" && hendelse.vedtaksfil.referanse.id === id);
    return vedtak?.type === "vedtakFattet"
      ? html`<li>${formatTime(vedtak.hendelsestidspunkt)}: ${vedtak.utfall ?? "uten utfall"} i sak ${vedtak.saksreferanse ?? "–"}. ${letterLink(id, "Vedtaksbrevet (PDF)")}</li>`
      : html`<li class="type">${id}</li>`;
  });
}

function klageForm(klage: KlageRecord): Html {
  const state = klageState(klage);
  const next = NEXT_STATES[state];
  const id = klage.klageId;
  if (next.length === 0) return html`<p>Klagen er avgjort (${state}). Den kan ikke flyttes videre.</p>`;
  const takesAmount = next.some((status) => NEW_VEDTAK_UTFALL[status]);
  // The usual next step first, TRUKKET (the person withdraws) last.
  return html`<form method="post" action="${BASE}/klager/${encodeURIComponent(id)}/handlinger">
${select(`klage-${id}-status`, "status", "Neste status", options(next), next[0], "Alle statuser unntatt MOTTATT og UNDER_BEHANDLING sender et brev på klagens språk.")}
${next.includes("AVVIST") ? select(`klage-${id}-arsak`, "arsak", "Årsak (bare ved AVVIST)", ARSAK_OPTIONS, klage.forSentBegrunnelse ? "FOR_SENT" : "ANNET") : ""}
${textarea(`klage-${id}-begrunnelse`, "begrunnelse", "Begrunnelse i brevet (valgfri, ellers en standardtekst)")}
${takesAmount ? textInput(`klage-${id}-belop`, "belop", "Beløp i kroner (valgfritt)", { inputmode: "decimal", hint: "Ved MEDHOLD, DELVIS_MEDHOLD og ENDRET: det nye vedtaket planlegger en utbetaling." }) : ""}
<button type="submit">Sett status</button>
</form>`;
}

function klagerSection(soknad: SoknadRecord, klager: readonly KlageRecord[]): Html {
  return html`<h2>Klager</h2>
${
  klager.length === 0
    ? html`<p>Ingen klager på denne søknaden. Personen klager fra et vedtak i portalen.</p>`
    : html`<p class="hjelp">Vanlig gang: MOTTATT → UNDER_BEHANDLING → MEDHOLD, DELVIS_MEDHOLD, AVVIST eller OPPRETTHOLDT → SENDT_TIL_STATSFORVALTEREN → STADFESTET, OPPHEVET eller ENDRET. MEDHOLD, DELVIS_MEDHOLD og ENDRET legger et nytt vedtak i søknadens hendelser.</p>
${klager.map((klage) => {
  const state = klageState(klage);
  return html`<section class="handling" id="klage-${klage.klageId}" aria-labelledby="klage-${klage.klageId}-tittel">
<h3 id="klage-${klage.klageId}-tittel">Klage sendt ${formatTime(klage.sendtTidspunkt)}: ${state}${OPEN_STATES.includes(state) ? "" : " (avgjort)"}</h3>
<dl class="fakta">
<dt>klageId</dt><dd class="type">${klage.klageId}</dd>
<dt>Språk</dt><dd>${klage.language}</dd>
<dt>Vedtak</dt><dd><ul>${complainedVedtak(soknad, klage)}</ul></dd>
<dt>Klagen</dt><dd>${letterLink(klage.klagePdf.id, "Åpne klagen (PDF)")}</dd>
<dt>For sent fordi</dt><dd>${klage.forSentBegrunnelse ?? "–"}</dd>
<dt>Filer</dt><dd>${klage.filer.length === 0 ? "–" : html`<ul>${klage.filer.map((fil) => html`<li>${letterLink(fil.id, fil.filnavn)}</li>`)}</ul>`}</dd>
</dl>
<details>
<summary>Teksten i klagen</summary>
<pre class="tekst">${klage.tekst}</pre>
</details>
${
  klage.hendelser.length === 0
    ? html`<p>Ingen hendelser ennå: klagen er SENDT.</p>`
    : html`<ol class="hendelser">${klage.hendelser.map((hendelse) => html`<li>${formatTime(hendelse.hendelsestidspunkt)} ${describeKlageHendelse(hendelse)}</li>`)}</ol>`
}
${klageForm(klage)}
</section>`;
})}`
}`;
}

/* ---------- messages ---------- */

/** A conversation as the simulator shows it. */
export interface SamtaleView {
  samtaleId: string;
  fiksDigisosId: string | null;
  person: PersonRecord;
  office: NavKontor | null;
  /** The language the office's notifications go out in. */
  language: string;
  /** Oldest first. */
  meldinger: readonly MeldingRecord[];
}

/** The page shows the newest this many; the JSON API has all. */
const SHOWN_MELDINGER = 200;

function describeMelding(melding: MeldingRecord): Html {
  const fraNav = melding.avsender.type === "NAV_KONTOR";
  const avsender =
    melding.avsender.type === "NAV_KONTOR" ? `${melding.avsender.kontornavn}${melding.avsender.saksbehandlerFornavn ? ` (${melding.avsender.saksbehandlerFornavn})` : ""}` : "Personen";
  const lest = melding.lestTidspunkt
    ? html`Lest av ${fraNav ? "personen" : "NAV"} ${formatTime(melding.lestTidspunkt)}`
    : html`<span class="ulest">Ikke lest av ${fraNav ? "personen" : "NAV"}</span>`;
  return html`<li class="${fraNav ? "fra-nav" : "fra-person"}">
<p><strong>${avsender}</strong>, ${formatTime(melding.sendtTidspunkt)}${melding.language ? html` <span class="type">${melding.language}</span>` : ""}</p>
<p class="meldingstekst">${melding.tekst}</p>
${melding.filer.length > 0 ? html`<ul>${melding.filer.map((fil) => html`<li>${letterLink(fil.id, fil.filnavn)}</li>`)}</ul>` : ""}
<p class="hjelp">${lest}</p>
</li>`;
}

/** The messages (oldest first) and the caseworker's forms: reply, mark read. `tilbake` says which page the forms return to. */
function meldingerSection(samtale: SamtaleView, tilbake: "soknad" | "samtale"): Html {
  const action = `${BASE}/samtaler/${encodeURIComponent(samtale.samtaleId)}/handlinger`;
  const shown = samtale.meldinger.slice(-SHOWN_MELDINGER);
  const unreadForNav = samtale.meldinger.filter((melding) => melding.avsender.type === "PERSON" && melding.lestTidspunkt === null).length;
  const id = `svar-${tilbake}`;
  return html`${
    samtale.meldinger.length === 0
      ? html`<p>Ingen meldinger ennå.</p>`
      : html`${shown.length < samtale.meldinger.length ? html`<p class="hjelp">Viser de ${shown.length} nyeste av ${samtale.meldinger.length} meldinger, eldste først.</p>` : html`<p class="hjelp">Eldste først.</p>`}
<ol class="meldinger">${shown.map(describeMelding)}</ol>`
  }
<div class="handlinger">
<section class="handling" aria-labelledby="${id}-tittel">
<h3 id="${id}-tittel">Svar</h3>
${
  samtale.office
    ? html`<p class="hjelp">Sendes fra ${samtale.office.navn}. Personen får et varsel (${samtale.language}) uten innholdet i meldingen.</p>
<form method="post" action="${action}">
<input type="hidden" name="action" value="svar">
<input type="hidden" name="tilbake" value="${tilbake}">
<label for="${id}-tekst">Melding</label>
<textarea id="${id}-tekst" name="tekst" rows="5" required></textarea>
${textInput(`${id}-saksbehandler`, "saksbehandler", "Saksbehandlerens fornavn", { value: DEFAULT_SAKSBEHANDLER, required: true, hint: "Bare fornavnet vises for personen." })}
${checkbox(`${id}-vedlegg`, "vedlegg", "Legg ved et brev (PDF, én side)")}
<button type="submit">Send svar</button>
</form>`
    : html`<p>Personen har ingen adresse og derfor ikke noe NAV-kontor som kan svare.</p>`
}
</section>
<section class="handling" aria-labelledby="${id}-lest-tittel">
<h3 id="${id}-lest-tittel">Lest</h3>
<p class="hjelp">${unreadForNav === 0 ? "NAV har lest alle meldingene fra personen." : `${unreadForNav} ${unreadForNav === 1 ? "melding" : "meldinger"} fra personen er ikke lest.`}</p>
<form method="post" action="${action}">
<input type="hidden" name="action" value="lest">
<input type="hidden" name="tilbake" value="${tilbake}">
<button type="submit" class="sekundar">Marker som lest</button>
</form>
</section>
${
  tilbake === "samtale" && samtale.office
    ? html`<section class="handling" aria-labelledby="${id}-fyll-tittel">
<h3 id="${id}-fyll-tittel">Fyll samtalen</h3>
<p class="hjelp">For måling: legger til meldinger fra personen og NAV annenhver gang, som historikk før den eldste meldingen. Alle er lest, og ingen får varsel.</p>
<form method="post" action="${action}">
<input type="hidden" name="action" value="fyll">
<input type="hidden" name="tilbake" value="${tilbake}">
${textInput(`${id}-antall`, "antall", `Antall (1–${MAX_FYLL})`, { type: "number", value: "1000", required: true })}
<button type="submit" class="sekundar">Fyll</button>
</form>
</section>`
    : ""
}
</div>`;
}

export function samtalePage(samtale: SamtaleView, messages: Omit<PageOptions, "title"> = {}): string {
  const title = `${samtale.fiksDigisosId ? "Samtale om søknaden" : "Generell samtale"} med ${personName(samtale.person)}`;
  return layout(
    { title, ...messages },
    html`
<dl class="fakta">
<dt>samtaleId</dt><dd class="type">${samtale.samtaleId}</dd>
<dt>Persona</dt><dd>${samtale.person.id}</dd>
<dt>Fødselsnummer</dt><dd>${samtale.person.folkeregister.fnr}</dd>
<dt>NAV-kontor</dt><dd>${samtale.office ? `${samtale.office.enhetsnummer} ${samtale.office.navn}` : "–"}</dd>
<dt>Søknad</dt><dd>${samtale.fiksDigisosId ? html`<a href="${BASE}/soknader/${encodeURIComponent(samtale.fiksDigisosId)}">${samtale.fiksDigisosId}</a>` : "– (generell samtale)"}</dd>
<dt>Språk i varsler</dt><dd>${samtale.language}</dd>
</dl>
<h2 id="meldinger">Meldinger</h2>
${meldingerSection(samtale, "samtale")}`,
  );
}

export function samtaleNotFoundPage(): string {
  return layout({ title: "Fant ikke samtalen" }, html`<p>Ingen person har en samtale med denne id-en. <a href="${BASE}">Til oversikten</a>.</p>`);
}

export function notFoundPage(): string {
  return layout({ title: "Fant ikke søknaden" }, html`<p>Det finnes ingen søknad med denne id-en. <a href="${BASE}">Se alle søknader</a>.</p>`);
}
