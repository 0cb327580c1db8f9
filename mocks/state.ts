/**
 * The mock's stateful store. State lives in memory and is written to
 * `${dataDir}/fagsystem-mock.json` after every change (temp file + rename, so a
 * crash leaves either the old or the new file, never half of one). File bytes
 * live beside it in `${dataDir}/fagsystem-files/`.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { MellomlagretFil } from "../app/fagsystem/contract";
import {
  STATE_VERSION,
  seed,
  seededFileBytes,
  type KlageRecord,
  type MeldingRecord,
  type MockState,
  type PersonRecord,
  type RadgivningRecord,
  type RingTilbakeRecord,
  type SoknadRecord,
  type StoredFile,
  type VarselRecord,
} from "./personas";

export const STATE_FILE = "fagsystem-mock.json";
export const FILES_DIR = "fagsystem-files";

const FILE_ID = /^[0-9a-f-]{36}$/i;
let tempCounter = 0;

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${++tempCounter}`;
  const handle = await fs.open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync(); // the bytes reach the disk before the rename makes them the file
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}

function looksLikeState(value: unknown): value is MockState {
  const candidate = value as Partial<MockState> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.version === STATE_VERSION &&
    typeof candidate.seededAt === "string" &&
    Array.isArray(candidate.persons) &&
    Array.isArray(candidate.soknader) &&
    Array.isArray(candidate.mellomlagring) &&
    Array.isArray(candidate.klager) &&
    Array.isArray(candidate.meldinger) &&
    Array.isArray(candidate.varsler) &&
    Array.isArray(candidate.radgivning) &&
    Array.isArray(candidate.ringTilbake) &&
    typeof candidate.files === "object"
  );
}

/** The messages by conversation (oldest first) and by id; built on the first read after a change. */
interface MeldingIndex {
  bySamtale: Map<string, MeldingRecord[]>;
  byId: Map<string, MeldingRecord>;
}

/** By time, and of two in the same millisecond the one that arrived first (the sort is stable). */
const byTime = (a: MeldingRecord, b: MeldingRecord) => a.sendtTidspunkt.localeCompare(b.sendtTidspunkt);

export class MockStore {
  /** Writes run one after another so an older snapshot never lands after a newer one. */
  private pending: Promise<void> = Promise.resolve();
  /** Dropped by every change: one pass over all messages per change, not one per request. */
  private meldingIndex: MeldingIndex | null = null;

  private constructor(
    readonly dataDir: string,
    private state: MockState,
  ) {}

  /** Loads the state in `dataDir`, or seeds (for `now`) when there is none or it is from another version. */
  static async open(dataDir: string, now: Date = new Date()): Promise<MockStore> {
    await fs.mkdir(path.join(dataDir, FILES_DIR), { recursive: true });
    const stateFile = path.join(dataDir, STATE_FILE);
    let loaded: unknown;
    try {
      loaded = JSON.parse(await fs.readFile(stateFile, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.warn(`[fagsystem-mock] ${stateFile} is unreadable, reseeding:`, (error as Error).message);
    }
    if (looksLikeState(loaded)) return new MockStore(dataDir, loaded);
    if (loaded !== undefined) console.warn(`[fagsystem-mock] ${stateFile} has another format, reseeding`);
    const store = new MockStore(dataDir, seed(now));
    await store.writeSeededFiles();
    await store.persist();
    return store;
  }

  get seededAt(): string {
    return this.state.seededAt;
  }

  /** The persons in persona order. Read-only: change state through `update`. */
  persons(): readonly PersonRecord[] {
    return this.state.persons;
  }

  person(fnr: string): PersonRecord | undefined {
    return this.state.persons.find((person) => person.folkeregister.fnr === fnr);
  }

  soknaderFor(fnr: string): readonly SoknadRecord[] {
    return this.state.soknader.filter((soknad) => soknad.fnr === fnr);
  }

  /** Every søknad, in the order they arrived. */
  soknader(): readonly SoknadRecord[] {
    return this.state.soknader;
  }

  soknad(fiksDigisosId: string): SoknadRecord | undefined {
    return this.state.soknader.find((soknad) => soknad.fiksDigisosId === fiksDigisosId);
  }

  /** A person's complaints, in the order they arrived. */
  klagerFor(fnr: string): readonly KlageRecord[] {
    return this.state.klager.filter((klage) => klage.fnr === fnr);
  }

  /** Every complaint, in the order they arrived (the simulator's view). */
  klager(): readonly KlageRecord[] {
    return this.state.klager;
  }

  klage(klageId: string): KlageRecord | undefined {
    return this.state.klager.find((klage) => klage.klageId === klageId);
  }

  /** A conversation's messages, oldest first (by time, then arrival). */
  meldingerI(samtaleId: string): readonly MeldingRecord[] {
    return this.indexOfMeldinger().bySamtale.get(samtaleId) ?? [];
  }

  melding(meldingId: string): MeldingRecord | undefined {
    return this.indexOfMeldinger().byId.get(meldingId);
  }

  /** Every conversation that holds messages, each oldest first. */
  samtalerMedMeldinger(): ReadonlyMap<string, readonly MeldingRecord[]> {
    return this.indexOfMeldinger().bySamtale;
  }

  /** A person's messages in every conversation, in the order they arrived. */
  meldingerFor(fnr: string): readonly MeldingRecord[] {
    return this.state.meldinger.filter((melding) => melding.fnr === fnr);
  }

  /** Every notification, oldest first. */
  varsler(): readonly VarselRecord[] {
    return this.state.varsler;
  }

  varslerFor(fnr: string): readonly VarselRecord[] {
    return this.state.varsler.filter((varsel) => varsel.fnr === fnr);
  }

  /** A person's requests for economic advice, in the order they arrived. */
  radgivningFor(fnr: string): readonly RadgivningRecord[] {
    return this.state.radgivning.filter((record) => record.fnr === fnr);
  }

  /** Every request for economic advice, in the order they arrived (the simulator's view). */
  radgivninger(): readonly RadgivningRecord[] {
    return this.state.radgivning;
  }

  radgivning(radgivningId: string): RadgivningRecord | undefined {
    return this.state.radgivning.find((record) => record.radgivningId === radgivningId);
  }

  /** A person's call-back requests, in the order they arrived. */
  ringTilbakeFor(fnr: string): readonly RingTilbakeRecord[] {
    return this.state.ringTilbake.filter((record) => record.fnr === fnr);
  }

  /** Every call-back request of every office, in the order they arrived (the simulator's view). */
  ringTilbakeAlle(): readonly RingTilbakeRecord[] {
    return this.state.ringTilbake;
  }

  ringTilbake(ringTilbakeId: string): RingTilbakeRecord | undefined {
    return this.state.ringTilbake.find((record) => record.ringTilbakeId === ringTilbakeId);
  }

  /** A person's files in mellomlagring for one draft, in upload order. */
  mellomlagringFor(fnr: string, draftId: string): readonly MellomlagretFil[] {
    return this.state.mellomlagring.filter((entry) => entry.fnr === fnr && entry.draftId === draftId).map((entry) => entry.fil);
  }

  /** Changes the state in place and persists it; resolves once it is on disk. */
  async update<T>(change: (state: MockState) => T): Promise<T> {
    this.meldingIndex = null;
    const result = change(this.state);
    this.meldingIndex = null;
    await this.persist();
    return result;
  }

  /** Throws the current state away and seeds a new one for `now`, files included. */
  async reset(now: Date): Promise<void> {
    const fresh = seed(now);
    this.state = fresh;
    this.meldingIndex = null;
    await fs.rm(path.join(this.dataDir, FILES_DIR), { recursive: true, force: true });
    await fs.mkdir(path.join(this.dataDir, FILES_DIR), { recursive: true });
    await this.writeSeededFiles();
    await this.persist();
  }

  /** Stores bytes in the dokumentlager and returns the new file's id. */
  async saveFile(id: string, file: Omit<StoredFile, "storrelse" | "sha512">, bytes: Uint8Array): Promise<string> {
    const stored = await this.writeFileBytes(id, file, bytes);
    await this.update((state) => {
      state.files[id] = stored;
    });
    return id;
  }

  /**
   * Puts bytes on disk without registering them, and returns the metadata to register. The caller
   * adds it to `state.files` inside the same `update` that adds what refers to the file, so both
   * appear together; bytes that end up unregistered are removed with `discardFileBytes`.
   */
  async writeFileBytes(id: string, file: Omit<StoredFile, "storrelse" | "sha512">, bytes: Uint8Array): Promise<StoredFile> {
    await writeAtomic(this.filePath(id), bytes);
    return { ...file, storrelse: bytes.byteLength, sha512: createHash("sha512").update(bytes).digest("hex") };
  }

  /** Removes bytes written by `writeFileBytes` that were never registered. A registered file stays. */
  async discardFileBytes(id: string): Promise<void> {
    if (this.state.files[id]) return;
    await fs.rm(this.filePath(id), { force: true });
  }

  async readFile(id: string): Promise<{ file: StoredFile; bytes: Uint8Array } | null> {
    const file = FILE_ID.test(id) ? this.state.files[id] : undefined;
    if (!file) return null;
    try {
      return { file, bytes: new Uint8Array(await fs.readFile(this.filePath(id))) };
    } catch {
      return null;
    }
  }

  /** Resolves when every change so far is on disk. */
  async flush(): Promise<void> {
    await this.pending;
  }

  private indexOfMeldinger(): MeldingIndex {
    if (this.meldingIndex) return this.meldingIndex;
    const bySamtale = new Map<string, MeldingRecord[]>();
    const byId = new Map<string, MeldingRecord>();
    for (const melding of this.state.meldinger) {
      byId.set(melding.meldingId, melding);
      const list = bySamtale.get(melding.samtaleId);
      if (list) list.push(melding);
      else bySamtale.set(melding.samtaleId, [melding]);
    }
    for (const list of bySamtale.values()) list.sort(byTime);
    this.meldingIndex = { bySamtale, byId };
    return this.meldingIndex;
  }

  private filePath(id: string): string {
    if (!FILE_ID.test(id)) throw new Error(`not a file id: ${id}`);
    return path.join(this.dataDir, FILES_DIR, id);
  }

  private async writeSeededFiles(): Promise<void> {
    for (const [id, file] of Object.entries(this.state.files)) await writeAtomic(this.filePath(id), seededFileBytes(id, file));
  }

  private persist(): Promise<void> {
    // Serialise now, not when the write gets its turn: each write is the state as it was at that change.
    const json = JSON.stringify(this.state, null, 2);
    const write = this.pending.then(() => writeAtomic(path.join(this.dataDir, STATE_FILE), json));
    this.pending = write.catch(() => undefined); // the caller sees the error; later writes still run
    return write;
  }
}
