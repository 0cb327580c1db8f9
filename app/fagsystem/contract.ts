/**
 * The HTTP contract between the portal and the municipal case system (fagsystem).
 * The portal's client validates every response against these schemas, and the
 * mock in `mocks/` answers with the same shapes. Field names follow the public
 * Norwegian register and Digisos formats where they exist.
 */
import { z } from "zod";
import {
  MAX_KLAGE_FILES,
  MAX_KLAGE_LATE_REASON,
  MAX_KLAGE_TEXT,
  MAX_MELDING_FILES,
  MAX_MELDING_TEXT,
  MAX_RADGIVNING_TEXT,
  MAX_RINGTILBAKE_NOTAT,
  MELDINGER_PER_SIDE,
} from "./limits";

/** The person is identified by a header, never by the URL. */
export const PERSON_HEADER = "Nav-Personident";
export const CALL_ID_HEADER = "Nav-Call-Id";

export const paths = {
  folkeregisterPerson: "/api/v1/folkeregister/person",
  krrKontaktinfo: "/api/v1/krr/kontaktinfo",
  /** GET: whether the person is a NAV employee (skjermet), whose cases contact-centre staff may not see. */
  skjerming: "/api/v1/skjerming/skjermet",
  kontoregisterKonto: "/api/v1/kontoregister/konto",
  aaregArbeidsforhold: "/api/v1/aareg/arbeidsforhold",
  navUtbetalinger: "/api/v1/nav/utbetalinger",
  skatteetatenInntekt: "/api/v1/skatteetaten/inntekt",
  husbankenBostotte: "/api/v1/husbanken/bostotte",
  norgKontor: "/api/v1/norg/kontor",
  /** GET: one NAV office by its number (enhetsnummer), e.g. the office a søknad was forwarded to. */
  norgEnhet: (enhetsnummer: string) => `/api/v1/norg/enhet/${encodeURIComponent(enhetsnummer)}`,
  soknader: "/api/v1/soknader",
  innsyn: (fiksDigisosId: string) => `/api/v1/soknader/${encodeURIComponent(fiksDigisosId)}/innsyn`,
  /** POST: send a søknad (the same path as the list, which is GET). */
  sendSoknad: "/api/v1/soknader",
  /**
   * Attachments before sending (like FIKS mellomlagring), under the draft's id (the same id the
   * søknad is later sent with as idempotencyKey). GET lists, POST adds one file (raw bytes).
   */
  mellomlagring: (draftId: string) => `/api/v1/mellomlagring/${encodeURIComponent(draftId)}/filer`,
  /** DELETE: one file from mellomlagring. */
  mellomlagringFil: (draftId: string, fileId: string) => `/api/v1/mellomlagring/${encodeURIComponent(draftId)}/filer/${encodeURIComponent(fileId)}`,
  /** A sent søknad's attachments: GET the vedlegg.json, POST one more file (ettersendelse, raw bytes). */
  vedlegg: (fiksDigisosId: string) => `/api/v1/soknader/${encodeURIComponent(fiksDigisosId)}/vedlegg`,
  /** GET: the bytes of one file, only if it belongs to one of the person's own søknader. */
  dokumentlager: (id: string) => `/api/v1/dokumentlager/${encodeURIComponent(id)}`,
  /**
   * Complaints (klager) against decisions. GET: all of the person's complaints, each with its
   * event log; POST: send one (sendKlageRequestSchema; the klageId, chosen by the portal, makes
   * a retry safe). Files for a complaint not yet sent wait in mellomlagring under its klageId.
   */
  klager: "/api/v1/klager",
  /** POST: one more file for a complaint not yet decided (raw bytes, VEDLEGG_HEADERS). */
  klageVedlegg: (klageId: string) => `/api/v1/klager/${encodeURIComponent(klageId)}/vedlegg`,
  /** POST: withdraw a complaint not yet decided (empty JSON body); the office answers with a letter. */
  trekkKlage: (klageId: string) => `/api/v1/klager/${encodeURIComponent(klageId)}/trekk`,
  /**
   * Messages (meldinger): GET the person's conversations (samtaleListSchema): one general
   * conversation with the person's office, and one per sent søknad, whether or not they hold messages.
   */
  samtaler: "/api/v1/samtaler",
  /**
   * GET: one page of a conversation, newest first (samtaleSideSchema); `?foer=<meldingId>` gives the
   * page of messages older than that one. Another person's conversation is 404.
   */
  samtale: (samtaleId: string) => `/api/v1/samtaler/${encodeURIComponent(samtaleId)}`,
  /**
   * POST: the person writes (sendMeldingRequestSchema) → 201 the message; the meldingId, chosen by
   * the portal once per message draft, makes a retry safe (200 with the message it already has).
   * Files wait in mellomlagring under the meldingId until then.
   */
  samtaleMeldinger: (samtaleId: string) => `/api/v1/samtaler/${encodeURIComponent(samtaleId)}/meldinger`,
  /** POST (empty JSON body) → 204: the person has read every message the office has written in it so far. */
  samtaleLest: (samtaleId: string) => `/api/v1/samtaler/${encodeURIComponent(samtaleId)}/lest`,
  /**
   * Requests for economic advice (sosialtjenesteloven § 17). GET: the person's requests, newest
   * first (radgivningListSchema); POST: ask for advice (sendRadgivningRequestSchema) → 201 the
   * request; the radgivningId, chosen by the portal once per form, makes a retry safe (200 with
   * the request it already has). The office is the one of the person's municipality.
   */
  radgivning: "/api/v1/radgivning",
  /**
   * Call-back requests (ring tilbake): a contact-centre advisor asks the person's office to call
   * them. GET: the person's requests, newest first (ringTilbakeListSchema); POST: file one
   * (sendRingTilbakeRequestSchema) → 201 the request, with the deadline the fagsystem set from
   * the office's hours; the ringTilbakeId, chosen by the portal once per form, makes a retry safe
   * (200 with the request it already has). The office is the one of the person's municipality.
   */
  ringTilbake: "/api/v1/ringtilbake",
  /**
   * GET, without a person: per office, the requests of the last RINGTILBAKE_RAPPORT_DAGER days,
   * the share first called within the deadline, and the median time to the first call
   * (ringTilbakeRapportSchema).
   */
  ringTilbakeRapport: "/api/v1/ringtilbake/rapport",
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.string().datetime({ offset: true });

export const navnSchema = z.object({
  fornavn: z.string(),
  mellomnavn: z.string().nullish(),
  etternavn: z.string(),
});
export type Navn = z.infer<typeof navnSchema>;

export const adresseSchema = z.object({
  adressenavn: z.string(),
  husnummer: z.string().nullish(),
  husbokstav: z.string().nullish(),
  postnummer: z.string(),
  poststed: z.string(),
  kommunenummer: z.string().regex(/^\d{4}$/),
});
export type Adresse = z.infer<typeof adresseSchema>;

export const adressebeskyttelseSchema = z.enum([
  "UGRADERT",
  "FORTROLIG",
  "STRENGT_FORTROLIG",
  "STRENGT_FORTROLIG_UTLAND",
]);

export const sivilstandSchema = z.enum([
  "UOPPGITT",
  "UGIFT",
  "GIFT",
  "SEPARERT",
  "SKILT",
  "ENKE_ELLER_ENKEMANN",
  "REGISTRERT_PARTNER",
]);

export const relatertPersonSchema = z.object({
  fnr: z.string().regex(/^\d{11}$/),
  navn: navnSchema,
  fodselsdato: isoDate,
  folkeregistrertSammen: z.boolean(),
});

export const folkeregisterPersonSchema = z.object({
  fnr: z.string().regex(/^\d{11}$/),
  navn: navnSchema,
  fodselsdato: isoDate,
  adressebeskyttelse: adressebeskyttelseSchema,
  statsborgerskap: z.array(z.string().regex(/^[A-Z]{3}$/)),
  sivilstand: sivilstandSchema,
  ektefelle: relatertPersonSchema.nullish(),
  bostedsadresse: adresseSchema.nullish(),
  oppholdsadresse: adresseSchema.nullish(),
  barn: z.array(relatertPersonSchema),
});
export type FolkeregisterPerson = z.infer<typeof folkeregisterPersonSchema>;

export const krrKontaktinfoSchema = z.object({
  mobiltelefonnummer: z.string().nullish(),
  epostadresse: z.string().nullish(),
});

/** Like NAV's skjermede-personer-pip: true for NAV employees (and others the register shields). */
export const skjermingSchema = z.object({ skjermet: z.boolean() });

export const kontoregisterKontoSchema = z.object({
  kontonummer: z.string().regex(/^\d{11}$/).nullish(),
});

export const arbeidsforholdSchema = z.object({
  arbeidsgiver: z.object({ navn: z.string(), organisasjonsnummer: z.string().regex(/^\d{9}$/) }),
  fom: isoDate,
  tom: isoDate.nullish(),
  stillingsprosent: z.number().min(0).max(100),
});
export const arbeidsforholdListSchema = z.array(arbeidsforholdSchema);
export type Arbeidsforhold = z.infer<typeof arbeidsforholdSchema>;

export const navUtbetalingSchema = z.object({
  ytelse: z.string(),
  nettobelop: z.number(),
  bruttobelop: z.number(),
  utbetalingsdato: isoDate,
  periodeFom: isoDate.nullish(),
  periodeTom: isoDate.nullish(),
});
export const navUtbetalingListSchema = z.array(navUtbetalingSchema);

export const skatteetatenInntektSchema = z.array(
  z.object({
    opplysningspliktig: z.string(),
    maaned: z.string().regex(/^\d{4}-\d{2}$/),
    bruttoinntekt: z.number(),
    forskuddstrekk: z.number(),
  }),
);

export const husbankenBostotteSchema = z.object({
  saker: z.array(
    z.object({ maaned: z.string().regex(/^\d{4}-\d{2}$/), status: z.enum(["UNDER_BEHANDLING", "VEDTATT"]), beskrivelse: z.string().nullish() }),
  ),
  utbetalinger: z.array(z.object({ utbetalingsdato: isoDate, belop: z.number(), mottaker: z.enum(["HUSSTAND", "KOMMUNE"]) })),
});

/** Opening hours per weekday, Norwegian wall-clock time ("08:00"–"15:30"); a day may appear twice (a lunch break). */
export const apningstiderSchema = z.array(z.object({ dag: z.enum(["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"]), fra: z.string(), til: z.string() }));

export const navKontorSchema = z.object({
  enhetsnummer: z.string().regex(/^\d{4}$/),
  navn: z.string(),
  kommunenavn: z.string(),
  kommunenummer: z.string().regex(/^\d{4}$/),
  telefon: z.string(),
  apningstider: apningstiderSchema,
  /** Whether this municipality takes digital applications. */
  digitalSoknad: z.boolean(),
  /**
   * The office's staffed on-call phone for social services (sosialvakt), which the directorate
   * asks offices to keep open while the contact centre is: the advisor can put an urgent caller
   * through. Null where the office has none; absent in answers older than the field.
   */
  sosialVakt: z.object({ telefon: z.string(), apningstider: apningstiderSchema }).nullish(),
});
export type NavKontor = z.infer<typeof navKontorSchema>;

export const soknadSummarySchema = z.object({
  fiksDigisosId: z.string().uuid(),
  sendtTidspunkt: isoDateTime.nullish(),
  sistOppdatert: isoDateTime,
  navKontor: z.string().nullish(),
  /** The PDF of the søknad as sent, in the dokumentlager (none for søknader sent on paper). */
  soknadPdf: z.object({ type: z.string(), id: z.string() }).nullish(),
  /** How it came: through the portal, or on paper to the office (registered there by hand). */
  kanal: z.enum(["DIGITAL", "PAPIR"]),
});
export const soknadSummaryListSchema = z.array(soknadSummarySchema);
export type SoknadSummary = z.infer<typeof soknadSummarySchema>;

/* ---------- digisos-soker.json 1.x (the event log) ---------- */

const dokumentlagerRef = z.object({ type: z.string(), id: z.string() });
const forvaltningsbrev = z.object({ referanse: dokumentlagerRef });

const base = { hendelsestidspunkt: isoDateTime };

export const hendelseSchemas = {
  soknadsStatus: z.object({ ...base, type: z.literal("soknadsStatus"), status: z.enum(["MOTTATT", "UNDER_BEHANDLING", "FERDIGBEHANDLET", "BEHANDLES_IKKE"]) }),
  tildeltNavKontor: z.object({ ...base, type: z.literal("tildeltNavKontor"), navKontor: z.string() }),
  saksStatus: z.object({
    ...base,
    type: z.literal("saksStatus"),
    referanse: z.string(),
    tittel: z.string().nullish(),
    status: z.enum(["UNDER_BEHANDLING", "IKKE_INNSYN", "BEHANDLES_IKKE", "FEILREGISTRERT"]).nullish(),
  }),
  vedtakFattet: z.object({
    ...base,
    type: z.literal("vedtakFattet"),
    saksreferanse: z.string().nullish(),
    utfall: z.enum(["INNVILGET", "DELVIS_INNVILGET", "AVSLATT", "AVVIST"]).nullish(),
    vedtaksfil: forvaltningsbrev,
    vedlegg: z.array(z.unknown()).nullish(),
  }),
  dokumentasjonEtterspurt: z.object({
    ...base,
    type: z.literal("dokumentasjonEtterspurt"),
    forvaltningsbrev: forvaltningsbrev.nullish(),
    vedlegg: z.array(z.unknown()).nullish(),
    dokumenter: z.array(
      z.object({ dokumenttype: z.string(), tilleggsinformasjon: z.string().nullish(), innsendelsesfrist: isoDateTime.nullish(), dokumentreferanse: z.string().nullish() }),
    ),
  }),
  forelopigSvar: z.object({ ...base, type: z.literal("forelopigSvar"), forvaltningsbrev, vedlegg: z.array(z.unknown()).nullish() }),
  utbetaling: z.object({
    ...base,
    type: z.literal("utbetaling"),
    utbetalingsreferanse: z.string(),
    saksreferanse: z.string().nullish(),
    rammevedtaksreferanse: z.string().nullish(),
    status: z.enum(["PLANLAGT_UTBETALING", "UTBETALT", "STOPPET", "ANNULLERT"]),
    belop: z.number().nullish(),
    beskrivelse: z.string().nullish(),
    forfallsdato: isoDate.nullish(),
    utbetalingsdato: isoDate.nullish(),
    fom: isoDate.nullish(),
    tom: isoDate.nullish(),
    annenMottaker: z.boolean().nullish(),
    mottaker: z.string().nullish(),
    kontonummer: z.string().nullish(),
    utbetalingsmetode: z.string().nullish(),
  }),
  vilkar: z.object({
    ...base,
    type: z.literal("vilkar"),
    vilkarreferanse: z.string(),
    saksreferanse: z.string().nullish(),
    utbetalingsreferanse: z.array(z.string()).nullish(),
    tittel: z.string().nullish(),
    beskrivelse: z.string().nullish(),
    status: z.enum(["RELEVANT", "ANNULLERT", "OPPFYLT", "IKKE_OPPFYLT", "LEVERT_TIDLIGERE"]).nullish(),
  }),
  dokumentasjonkrav: z.object({
    ...base,
    type: z.literal("dokumentasjonkrav"),
    dokumentasjonkravreferanse: z.string(),
    saksreferanse: z.string().nullish(),
    utbetalingsreferanse: z.array(z.string()).nullish(),
    tittel: z.string().nullish(),
    beskrivelse: z.string().nullish(),
    frist: isoDate.nullish(),
    status: z.enum(["RELEVANT", "ANNULLERT", "OPPFYLT", "IKKE_OPPFYLT", "LEVERT_TIDLIGERE"]).nullish(),
  }),
  rammevedtak: z.object({
    ...base,
    type: z.literal("rammevedtak"),
    rammevedtaksreferanse: z.string(),
    saksreferanse: z.string().nullish(),
    beskrivelse: z.string().nullish(),
    belop: z.number().nullish(),
    fom: isoDate.nullish(),
    tom: isoDate.nullish(),
  }),
} as const;

export type KnownHendelseType = keyof typeof hendelseSchemas;
export type Hendelse = { [K in KnownHendelseType]: z.infer<(typeof hendelseSchemas)[K]> }[KnownHendelseType];

/**
 * The event type enum only grows: an unknown type is kept as an opaque event
 * (the fold skips it) instead of failing the whole document.
 */
export const anyHendelseSchema = z.object({ type: z.string(), hendelsestidspunkt: isoDateTime }).passthrough();

export const digisosSokerSchema = z.object({
  version: z.string().regex(/^1\./),
  avsender: z.object({ systemnavn: z.string(), systemversjon: z.string() }),
  hendelser: z.array(anyHendelseSchema),
});
export type DigisosSoker = z.infer<typeof digisosSokerSchema>;

/* ---------- attachments (vedlegg) ---------- */

/**
 * An uploaded file travels as the raw bytes of the request body (Content-Type: its type),
 * described by these headers; the display name and tilleggsinfo are URI-encoded (free text
 * may hold any character, and a header value holds ASCII only). The SHA-512 is lowercase hex.
 */
export const VEDLEGG_HEADERS = {
  type: "Nav-Vedlegg-Type",
  tilleggsinfo: "Nav-Vedlegg-Tilleggsinfo",
  filnavn: "Nav-Vedlegg-Filnavn",
  sha512: "Nav-Vedlegg-Sha512",
  /** PDFs: the number of pages, as the portal counted them (optional). */
  sider: "Nav-Vedlegg-Sider",
  /** Ettersendelse only: the dokumentreferanse of the request (dokumentasjonEtterspurt) it answers. */
  hendelseReferanse: "Nav-Vedlegg-Hendelse-Referanse",
  /** Ettersendelse only: the type of the event that asked for it, e.g. dokumentasjonEtterspurt. */
  hendelseType: "Nav-Vedlegg-Hendelse-Type",
} as const;

/** The only file types the fagsystem stores (images are re-encoded to JPEG by the portal). */
export const vedleggMimetypeSchema = z.enum(["application/pdf", "image/jpeg"]);
const sha512Hex = z.string().regex(/^[0-9a-f]{128}$/);

export const vedleggFilSchema = z.object({
  id: z.string(),
  filnavn: z.string(),
  mimetype: vedleggMimetypeSchema,
  storrelse: z.number().int().nonnegative(),
  sha512: sha512Hex,
  lastetOpp: isoDateTime,
  /** PDFs: the number of pages, when the sender counted them. */
  sider: z.number().int().positive().nullish(),
});
export type VedleggFil = z.infer<typeof vedleggFilSchema>;

/** A file in mellomlagring: which document it is for. */
export const mellomlagretFilSchema = vedleggFilSchema.extend({ type: z.string(), tilleggsinfo: z.string().nullish() });
export type MellomlagretFil = z.infer<typeof mellomlagretFilSchema>;
export const mellomlagringSchema = z.object({ filer: z.array(mellomlagretFilSchema) });

export const vedleggStatusSchema = z.enum(["LastetOpp", "VedleggKreves", "VedleggAlleredeSendt"]);

/** One document of vedlegg.json (NAV's format, with our ids and times on the files). */
export const vedleggSchema = z.object({
  type: z.string(),
  tilleggsinfo: z.string().nullish(),
  status: vedleggStatusSchema,
  hendelseType: z.string().nullish(),
  hendelseReferanse: z.string().nullish(),
  filer: z.array(vedleggFilSchema),
});
export type Vedlegg = z.infer<typeof vedleggSchema>;
export const vedleggJsonSchema = z.object({ vedlegg: z.array(vedleggSchema) });
export type VedleggJson = z.infer<typeof vedleggJsonSchema>;

/**
 * What the portal says about each document when it sends the søknad; LastetOpp files are taken
 * from mellomlagring (at least one), the other statuses have no files.
 */
export const sendVedleggSchema = z.object({
  type: z.string().min(1).max(100),
  tilleggsinfo: z.string().max(500).nullish(),
  status: vedleggStatusSchema,
  filIder: z.array(z.string()).max(30),
});
export type SendVedlegg = z.infer<typeof sendVedleggSchema>;

/* ---------- sending a søknad ---------- */

/** The largest PDF of a søknad the fagsystem takes. */
export const MAX_SOKNAD_PDF_BYTES = 15 * 1024 * 1024;
/** Base64 of MAX_SOKNAD_PDF_BYTES: 4 characters for every 3 bytes, padded. */
const MAX_SOKNAD_PDF_BASE64_LENGTH = Math.ceil(MAX_SOKNAD_PDF_BYTES / 3) * 4;

export const soknadLanguageSchema = z.enum(["nb", "nn", "en"]);

export const sendSoknadRequestSchema = z.object({
  /** Chosen by the portal once per draft: a retry with the same key never creates a second søknad. */
  idempotencyKey: z.string().uuid(),
  navEnhet: z.string().regex(/^\d{4}$/),
  /** The applicant asked for emergency help (nødhjelp): same-day assessment. */
  urgent: z.boolean(),
  language: soknadLanguageSchema,
  /** The søknad as JSON (close to NAV's soknad.json). */
  soknad: z.record(z.unknown()),
  /** The documents the søknad needs and how each is delivered; absent = none. */
  vedlegg: z.array(sendVedleggSchema).max(100).optional(),
  pdf: z.object({
    filename: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^/\\\0]+$/, "a file name, not a path"),
    // A plain character-class regex: zod's .base64() overflows the stack on strings this long.
    base64: z
      .string()
      .min(1)
      .max(MAX_SOKNAD_PDF_BASE64_LENGTH)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64")
      .refine((value) => value.length % 4 === 0, "base64 length must be a multiple of 4"),
  }),
});
export type SendSoknadRequest = z.infer<typeof sendSoknadRequestSchema>;

export const sendSoknadResponseSchema = z.object({
  fiksDigisosId: z.string().uuid(),
  mottattTidspunkt: isoDateTime,
  navEnhet: z.string().regex(/^\d{4}$/),
});
export type SendSoknadResponse = z.infer<typeof sendSoknadResponseSchema>;

/* ---------- complaints (klage) ---------- */

/** The states of a complaint, in the order they usually come. SENDT is the state before the first event. */
export const klageStatusSchema = z.enum([
  "MOTTATT",
  "UNDER_BEHANDLING",
  /** The office agrees: a new decision (nyttVedtak). */
  "MEDHOLD",
  /** The office agrees in part: a new decision; the rest may go to the Statsforvalter. */
  "DELVIS_MEDHOLD",
  /** Not considered (too late, no right to complain): `arsak` says why. */
  "AVVIST",
  /** The office keeps its decision: the complaint goes to the Statsforvalter. */
  "OPPRETTHOLDT",
  "SENDT_TIL_STATSFORVALTEREN",
  /** The Statsforvalter's outcomes: the decision stands, is set aside (the office decides again), or is changed. */
  "STADFESTET",
  "OPPHEVET",
  "ENDRET",
  /** The person withdrew it. */
  "TRUKKET",
]);
export type KlageStatus = z.infer<typeof klageStatusSchema>;

export const klageAvvistArsakSchema = z.enum(["FOR_SENT", "IKKE_KLAGERETT", "ANNET"]);

export const klageHendelseSchemas = {
  klageStatus: z.object({
    hendelsestidspunkt: isoDateTime,
    type: z.literal("klageStatus"),
    status: klageStatusSchema,
    /** The letter that says so, in the dokumentlager. */
    brev: forvaltningsbrev.nullish(),
    /** MEDHOLD, DELVIS_MEDHOLD, ENDRET: the new decision's letter id (its vedtakFattet in the søknad's log). */
    nyttVedtak: z.object({ referanse: dokumentlagerRef }).nullish(),
    /** AVVIST: why. */
    arsak: klageAvvistArsakSchema.nullish(),
  }),
} as const;
export type KlageHendelse = z.infer<(typeof klageHendelseSchemas)["klageStatus"]>;

export const klageSchema = z.object({
  klageId: z.string().uuid(),
  fiksDigisosId: z.string().uuid(),
  /** The decisions complained about: the ids of their letters (vedtakFattet.vedtaksfil). */
  vedtakIds: z.array(z.string().min(1)).min(1),
  sendtTidspunkt: isoDateTime,
  navEnhet: z.string().regex(/^\d{4}$/).nullish(),
  language: z.enum(["nb", "nn", "en"]),
  /** The person's own words, and why it is late when it is. */
  tekst: z.string(),
  forSentBegrunnelse: z.string().nullish(),
  /** The PDF of the complaint as sent. */
  klagePdf: dokumentlagerRef,
  /** The person's files: sent with the complaint and after it. */
  filer: z.array(vedleggFilSchema),
  /** Like digisos-soker's, an unknown event type is kept opaque for the portal to skip. */
  hendelser: z.array(anyHendelseSchema),
});
export type Klage = z.infer<typeof klageSchema>;
export const klageListSchema = z.array(klageSchema);

export { MAX_KLAGE_FILES, MAX_KLAGE_LATE_REASON, MAX_KLAGE_TEXT } from "./limits";

export const sendKlageRequestSchema = z.object({
  /** Chosen by the portal once per complaint draft: a retry with the same id never makes a second complaint. */
  klageId: z.string().uuid(),
  fiksDigisosId: z.string().uuid(),
  vedtakIds: z.array(z.string().min(1).max(100)).min(1).max(50),
  language: soknadLanguageSchema,
  tekst: z.string().trim().min(1).max(MAX_KLAGE_TEXT),
  forSentBegrunnelse: z.string().trim().min(1).max(MAX_KLAGE_LATE_REASON).nullish(),
  /** The complaint as JSON (who, what, when). */
  klage: z.record(z.unknown()),
  /** Files from mellomlagring under the klageId. */
  filIder: z.array(z.string()).max(MAX_KLAGE_FILES),
  pdf: sendSoknadRequestSchema.shape.pdf,
});
export type SendKlageRequest = z.infer<typeof sendKlageRequestSchema>;

/* ---------- messages (meldinger) ---------- */

export { MAX_MELDING_FILES, MAX_MELDING_TEXT, MELDINGER_PER_SIDE } from "./limits";

export const samtaleSchema = z.object({
  /** Chosen by the fagsystem; the same conversation keeps its id before and after its first message. */
  samtaleId: z.string().uuid(),
  /** The søknad it is about; null for the general conversation with the person's office. */
  fiksDigisosId: z.string().uuid().nullable(),
  /** The office that answers, when one is known. */
  navEnhet: z.string().regex(/^\d{4}$/).nullable(),
  kontornavn: z.string().nullable(),
  antallMeldinger: z.number().int().nonnegative(),
  /** The office's messages the person has not read. */
  antallUleste: z.number().int().nonnegative(),
  /** The person's messages the office has not read (what contact-centre staff see). */
  antallUlesteAvNav: z.number().int().nonnegative(),
  /** When the newest message was written, and by whom; null while it has none. */
  sisteMelding: z.object({ sendtTidspunkt: isoDateTime, fraNav: z.boolean() }).nullable(),
});
export type Samtale = z.infer<typeof samtaleSchema>;
/** The general conversation first, then one per søknad, newest søknad first. */
export const samtaleListSchema = z.array(samtaleSchema);

export const meldingAvsenderSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PERSON") }),
  /** The office by name, and the caseworker by first name only (never their full identity). */
  z.object({ type: z.literal("NAV_KONTOR"), navEnhet: z.string().regex(/^\d{4}$/), kontornavn: z.string(), saksbehandlerFornavn: z.string().nullable() }),
]);
export type MeldingAvsender = z.infer<typeof meldingAvsenderSchema>;

export const meldingSchema = z.object({
  meldingId: z.string().uuid(),
  samtaleId: z.string().uuid(),
  avsender: meldingAvsenderSchema,
  /** Plain text: line breaks are kept, nothing in it is markup. */
  tekst: z.string(),
  sendtTidspunkt: isoDateTime,
  filer: z.array(vedleggFilSchema),
  /** When the other side read it (the office, for the person's messages; the person, for the office's); null until then. */
  lestTidspunkt: isoDateTime.nullable(),
});
export type Melding = z.infer<typeof meldingSchema>;

export const samtaleSideSchema = z.object({
  samtale: samtaleSchema,
  /** Newest first, at most MELDINGER_PER_SIDE. */
  meldinger: z.array(meldingSchema).max(MELDINGER_PER_SIDE),
  /** The meldingId to ask `?foer=` with for the older messages; null when there are none. */
  eldre: z.string().uuid().nullable(),
});
export type SamtaleSide = z.infer<typeof samtaleSideSchema>;

export const sendMeldingRequestSchema = z.object({
  meldingId: z.string().uuid(),
  /** The language the person wrote in: the office's notifications use it. */
  language: soknadLanguageSchema,
  tekst: z.string().trim().min(1).max(MAX_MELDING_TEXT),
  /** Files from mellomlagring under the meldingId. */
  filIder: z.array(z.string()).max(MAX_MELDING_FILES),
});
export type SendMeldingRequest = z.infer<typeof sendMeldingRequestSchema>;

/* ---------- economic advice (økonomisk rådgivning, § 17) ---------- */

export { MAX_RADGIVNING_TEXT } from "./limits";

/** How the person wants the office to get in touch: a phone call, a message in the portal, or a letter to their address. */
export const kontaktmateSchema = z.enum(["TELEFON", "MELDING", "BREV"]);
export type Kontaktmate = z.infer<typeof kontaktmateSchema>;
/** When a call suits the person best (TELEFON only). */
export const kontakttidSchema = z.enum(["FORMIDDAG", "ETTERMIDDAG", "HELE_DAGEN"]);
export type Kontakttid = z.infer<typeof kontakttidSchema>;
/** A phone number as digits, with an optional leading + (the portal removes spaces and dashes). */
export const telefonnummerSchema = z.string().regex(/^\+?\d{8,15}$/);

export const sendRadgivningRequestSchema = z
  .object({
    /** Chosen by the portal once per form: a retry with the same id never makes a second request. */
    radgivningId: z.string().uuid(),
    /** The language the person wrote in: the office answers in it where it can. */
    language: soknadLanguageSchema,
    beskrivelse: z.string().trim().min(1).max(MAX_RADGIVNING_TEXT),
    kontaktmate: kontaktmateSchema,
    /** TELEFON: required; otherwise absent. */
    telefonnummer: telefonnummerSchema.nullish(),
    kontakttid: kontakttidSchema.nullish(),
  })
  .superRefine((request, ctx) => {
    if (request.kontaktmate === "TELEFON" && !request.telefonnummer) ctx.addIssue({ code: "custom", path: ["telefonnummer"], message: "required when kontaktmate is TELEFON" });
    if (request.kontaktmate !== "TELEFON" && (request.telefonnummer || request.kontakttid)) {
      ctx.addIssue({ code: "custom", path: ["kontaktmate"], message: "telefonnummer and kontakttid go with TELEFON only" });
    }
  });
export type SendRadgivningRequest = z.infer<typeof sendRadgivningRequestSchema>;

/** MOTTATT until the office has been in touch (KONTAKTET). */
export const radgivningStatusSchema = z.enum(["MOTTATT", "KONTAKTET"]);
export type RadgivningStatus = z.infer<typeof radgivningStatusSchema>;

export const radgivningSchema = z.object({
  radgivningId: z.string().uuid(),
  mottattTidspunkt: isoDateTime,
  /** The office that received it: the one of the person's municipality. */
  navEnhet: z.string().regex(/^\d{4}$/),
  kontornavn: z.string(),
  beskrivelse: z.string(),
  kontaktmate: kontaktmateSchema,
  telefonnummer: z.string().nullable(),
  kontakttid: kontakttidSchema.nullable(),
  status: radgivningStatusSchema,
  /** When the office marked that it had been in touch; null until then. */
  kontaktetTidspunkt: isoDateTime.nullable(),
});
export type Radgivning = z.infer<typeof radgivningSchema>;
/** Newest first. */
export const radgivningListSchema = z.array(radgivningSchema);

/* ---------- call-back requests (ring tilbake) ---------- */

/**
 * How soon the office must call (the deadline rules are in app/ringtilbake/deadline.ts): I_DAG,
 * the person may lack food, a place to sleep or heat tonight; TO_VIRKEDAGER, within two working
 * days; NAR_DET_PASSER, when it suits (within five).
 */
export const hastegradSchema = z.enum(["I_DAG", "TO_VIRKEDAGER", "NAR_DET_PASSER"]);
export type Hastegrad = z.infer<typeof hastegradSchema>;

export { MAX_RINGTILBAKE_NOTAT, RINGTILBAKE_MAX_FORSOK, RINGTILBAKE_RAPPORT_DAGER } from "./limits";

/** What the person wants to talk about: økonomisk sosialhjelp in general, their søknad, a payment, a decision, economic advice, or something else. */
export const ringTilbakeTemaSchema = z.enum(["OKONOMISK_SOSIALHJELP", "SOKNAD", "UTBETALING", "VEDTAK", "OKONOMISK_RADGIVNING", "ANNET"]);
export type RingTilbakeTema = z.infer<typeof ringTilbakeTemaSchema>;

/** A NAV employee's ident: a letter and six digits (Z990001). */
export const navIdentSchema = z.string().regex(/^[A-Z]\d{6}$/);

/**
 * A language as an ISO 639 code, lowercase: the two-letter ISO 639-1 code where the language has
 * one ("ar", "so", "ti", "uk"), else ISO 639-3 ("prs" Dari, "nsi" Norwegian sign language). A code
 * rather than free text, so the office's interpreter booking gets no typing to guess at and every
 * page can name the language in its own tongue (Intl.DisplayNames).
 */
export const sprakkodeSchema = z.string().regex(/^[a-z]{2,3}$/);

export const sendRingTilbakeRequestSchema = z.object({
  /** Chosen by the portal once per form: a retry or a double click with the same id is one request. */
  ringTilbakeId: z.string().uuid(),
  /** The advisor who files it (the contact centre's NAV ident), for the office's questions and the audit trail. */
  navIdent: navIdentSchema,
  tema: ringTilbakeTemaSchema,
  hastegrad: hastegradSchema,
  /** The number to call, confirmed with the caller. */
  telefonnummer: telefonnummerSchema,
  /** When a call suits the person; absent: any time the office is open. */
  kontakttid: kontakttidSchema.nullish(),
  /** An interpreter is needed, for this language (sprakkodeSchema); absent: none. */
  tolkesprak: sprakkodeSchema.nullish(),
  /** No more than the office needs; never health details (the form says so). Empty or absent: none. */
  notat: z.string().trim().max(MAX_RINGTILBAKE_NOTAT).nullish(),
  /** The language of the notice the person gets (SMS or e-mail); absent: bokmål. */
  language: soknadLanguageSchema.nullish(),
});
export type SendRingTilbakeRequest = z.infer<typeof sendRingTilbakeRequestSchema>;

/**
 * APEN: not called yet. RINGT_NADD: the office reached the person (done). RINGT_IKKE_NADD: called
 * without an answer, to be tried again. LUKKET: closed without reaching the person, after
 * RINGTILBAKE_MAX_FORSOK unanswered calls (the office then writes to the person) or by the office.
 * ASCII names (ÅPEN, NÅDD written APEN, NADD), like the contract's other enums (AVSLATT).
 */
export const ringTilbakeStatusSchema = z.enum(["APEN", "RINGT_NADD", "RINGT_IKKE_NADD", "LUKKET"]);
export type RingTilbakeStatus = z.infer<typeof ringTilbakeStatusSchema>;

/** One call: when, and whether the person answered. */
export const ringTilbakeForsokSchema = z.object({ tidspunkt: isoDateTime, nadd: z.boolean() });
export type RingTilbakeForsok = z.infer<typeof ringTilbakeForsokSchema>;

/** Why it was closed: nobody answered RINGTILBAKE_MAX_FORSOK calls, or the office closed it (e.g. the person came in). */
export const ringTilbakeLukketArsakSchema = z.enum(["IKKE_NADD", "AVSLUTTET"]);

export const ringTilbakeSchema = z.object({
  ringTilbakeId: z.string().uuid(),
  mottattTidspunkt: isoDateTime,
  /** The advisor who filed it. */
  registrertAv: navIdentSchema,
  /** The office that is to call: the one of the person's municipality. */
  navEnhet: z.string().regex(/^\d{4}$/),
  kontornavn: z.string(),
  tema: ringTilbakeTemaSchema,
  hastegrad: hastegradSchema,
  telefonnummer: z.string(),
  kontakttid: kontakttidSchema.nullable(),
  tolkesprak: sprakkodeSchema.nullable(),
  notat: z.string().nullable(),
  /** When the office must have called, set once from its opening hours when it was filed. */
  frist: isoDateTime,
  /** Still APEN (no call at all) and past the deadline, at the time of the answer. */
  forfalt: z.boolean(),
  status: ringTilbakeStatusSchema,
  /** The calls so far, oldest first. */
  forsok: z.array(ringTilbakeForsokSchema),
  /** LUKKET: when and why; after unanswered calls, the message the office wrote to the person (in their general conversation). */
  lukket: z
    .object({
      tidspunkt: isoDateTime,
      arsak: ringTilbakeLukketArsakSchema,
      melding: z.object({ samtaleId: z.string().uuid(), meldingId: z.string().uuid() }).nullable(),
    })
    .nullable(),
});
export type RingTilbake = z.infer<typeof ringTilbakeSchema>;
/** Newest first. */
export const ringTilbakeListSchema = z.array(ringTilbakeSchema);

export const ringTilbakeRapportKontorSchema = z.object({
  navEnhet: z.string().regex(/^\d{4}$/),
  kontornavn: z.string(),
  /** Filed in the period. */
  antall: z.number().int().nonnegative(),
  /**
   * Of those, the ones known to be in time or late: called, or not called by a deadline now passed
   * (closed without a call after the deadline included: closing late does not hide it).
   */
  malt: z.number().int().nonnegative(),
  /** First called at or before the deadline. */
  ringtITide: z.number().int().nonnegative(),
  /** ringtITide / malt; null when nothing could be measured yet. */
  andelITide: z.number().min(0).max(1).nullable(),
  /** From filing to the first call (clock time, not office hours), over those called; null when none was. */
  medianMinutterTilForsteOppringing: z.number().nonnegative().nullable(),
  /** Not called, deadline not passed yet: neither in time nor late so far. */
  venter: z.number().int().nonnegative(),
  /** Closed by the office before its deadline without a call (the person came in, or it was a duplicate): not measured, but shown. */
  lukketUtenOppringing: z.number().int().nonnegative(),
});
export type RingTilbakeRapportKontor = z.infer<typeof ringTilbakeRapportKontorSchema>;

export const ringTilbakeRapportSchema = z.object({
  /** The period: the last RINGTILBAKE_RAPPORT_DAGER days up to the time of the answer. */
  fra: isoDateTime,
  til: isoDateTime,
  /** Every office, by enhetsnummer, those without requests too. */
  kontorer: z.array(ringTilbakeRapportKontorSchema),
});
export type RingTilbakeRapport = z.infer<typeof ringTilbakeRapportSchema>;

/* ---------- errors ---------- */

export const errorBodySchema = z.object({ error: z.string(), message: z.string().optional() });
