/**
 * A deterministic generator of event logs (digisos-soker.json) of any length, with the
 * event shapes of app/fagsystem/contract.ts, for timing the fold. The same size and
 * seed always give the same log.
 *
 * The log reads like a long-running søknad: received, assigned an office, then saker
 * one after another, each with a document request, a preliminary answer, conditions,
 * documentation demands, a frame decision, a vedtak and payments planned and paid;
 * now and then the søknad moves to another office.
 */
import type { DigisosSoker, Hendelse } from "../app/fagsystem/contract";

/** mulberry32: small, fast and good enough to vary the shapes. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse("2024-01-02T08:00:00.000Z");
const offices = ["0301", "4601", "5001", "3403", "1103"];
const dokumenttyper = ["Husleiekontrakt", "Kontoutskrift", "Lønnsslipp", "Strømregning", "Skattemelding"];

export interface EventLog {
  document: DigisosSoker;
  /** When the søknad was sent (just before the first event). */
  sendtTidspunkt: string;
}

export function generateEventLog(size: number, seed = 1): EventLog {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  let time = START;
  const at = () => {
    time += Math.floor(1 + next() * 3) * 3_600_000;
    return new Date(time).toISOString();
  };
  const letter = (id: string) => ({ referanse: { type: "dokumentlager", id } });
  const events: Hendelse[] = [
    { type: "soknadsStatus", hendelsestidspunkt: at(), status: "MOTTATT" },
    { type: "tildeltNavKontor", hendelsestidspunkt: at(), navKontor: "0301" },
    { type: "soknadsStatus", hendelsestidspunkt: at(), status: "UNDER_BEHANDLING" },
  ];

  for (let sak = 1; events.length < size; sak++) {
    const saksreferanse = `sak-${sak}`;
    const day = new Date(time).toISOString().slice(0, 10);
    const plus = (days: number) => new Date(time + days * 86_400_000).toISOString().slice(0, 10);
    const utbetalinger = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, index) => `utbetaling-${sak}-${index + 1}`);
    events.push(
      { type: "saksStatus", hendelsestidspunkt: at(), referanse: saksreferanse, tittel: `Sak ${sak}`, status: "UNDER_BEHANDLING" },
      {
        type: "dokumentasjonEtterspurt",
        hendelsestidspunkt: at(),
        forvaltningsbrev: letter(`etterspurt-${sak}`),
        dokumenter: Array.from({ length: 1 + Math.floor(next() * 3) }, (_, index) => ({
          dokumenttype: pick(dokumenttyper),
          tilleggsinformasjon: next() < 0.5 ? "For siste måned" : null,
          innsendelsesfrist: new Date(time + 7 * 86_400_000).toISOString(),
          dokumentreferanse: `dok-${sak}-${index + 1}`,
        })),
      },
      { type: "forelopigSvar", hendelsestidspunkt: at(), forvaltningsbrev: letter(`forelopig-${sak}`) },
      {
        type: "vilkar",
        hendelsestidspunkt: at(),
        vilkarreferanse: `vilkar-${sak}`,
        saksreferanse,
        utbetalingsreferanse: utbetalinger,
        tittel: "Aktivitetsplikt",
        beskrivelse: "Møt til samtale hos veileder",
        status: pick(["RELEVANT", "OPPFYLT", "IKKE_OPPFYLT"] as const),
      },
      {
        type: "dokumentasjonkrav",
        hendelsestidspunkt: at(),
        dokumentasjonkravreferanse: `krav-${sak}`,
        saksreferanse,
        utbetalingsreferanse: utbetalinger,
        tittel: "Dokumentasjon av husleie",
        beskrivelse: null,
        frist: plus(14),
        status: pick(["RELEVANT", "OPPFYLT", "LEVERT_TIDLIGERE"] as const),
      },
      {
        type: "rammevedtak",
        hendelsestidspunkt: at(),
        rammevedtaksreferanse: `ramme-${sak}`,
        saksreferanse,
        beskrivelse: "Livsopphold",
        belop: 8000 + Math.floor(next() * 4000),
        fom: day,
        tom: plus(90),
      },
      {
        type: "vedtakFattet",
        hendelsestidspunkt: at(),
        saksreferanse,
        utfall: pick(["INNVILGET", "DELVIS_INNVILGET", "AVSLATT"] as const),
        vedtaksfil: letter(`vedtak-${sak}`),
      },
    );
    for (const [index, utbetalingsreferanse] of utbetalinger.entries()) {
      const payment = {
        utbetalingsreferanse,
        saksreferanse,
        rammevedtaksreferanse: `ramme-${sak}`,
        belop: 2000 + Math.floor(next() * 6000),
        beskrivelse: pick(["Livsopphold", "Husleie", "Strøm"]),
        forfallsdato: plus(7 * (index + 1)),
        fom: day,
        tom: plus(30),
        annenMottaker: false,
        kontonummer: "12345678903",
        utbetalingsmetode: "bankoverføring",
      };
      events.push({ type: "utbetaling", hendelsestidspunkt: at(), status: "PLANLAGT_UTBETALING", ...payment });
      events.push({ type: "utbetaling", hendelsestidspunkt: at(), status: "UTBETALT", utbetalingsdato: plus(7 * (index + 1)), ...payment });
    }
    if (next() < 0.1) events.push({ type: "tildeltNavKontor", hendelsestidspunkt: at(), navKontor: pick(offices) });
  }

  return {
    document: { version: "1.0.0", avsender: { systemnavn: "Benchmark", systemversjon: "1" }, hendelser: events.slice(0, size) },
    sendtTidspunkt: new Date(START - 3_600_000).toISOString(),
  };
}
