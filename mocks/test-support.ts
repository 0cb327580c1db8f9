/**
 * Starting the fagsystem mock in a test: a fresh data directory, a free port,
 * and small helpers to call it as the portal would (person in the header).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { z } from "zod";
import { PERSON_HEADER } from "../app/fagsystem/contract";
import { startFagsystemMock, type FagsystemMock } from "./server";

export const testUserSchema = z.array(z.object({ id: z.string(), fnr: z.string().regex(/^\d{11}$/), name: z.string(), birthDate: z.string() }));
export type TestUser = z.infer<typeof testUserSchema>[number];

export interface CallInit {
  fnr?: string;
  method?: string;
  /** Sent as JSON (a string as it is, for broken JSON), or as a form when URLSearchParams. */
  body?: unknown;
  signal?: AbortSignal;
  redirect?: RequestRedirect;
}

export interface TestMock {
  mock: FagsystemMock;
  dataDir: string;
  users: TestUser[];
  user(id: string): TestUser;
  call(pathname: string, init?: CallInit): Promise<Response>;
  /** GET, expecting 200, the JSON body. */
  json(pathname: string, fnr?: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startTestMock(options: { now?: () => Date } = {}): Promise<TestMock> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "fagsystem-mock-"));
  const mock = await startFagsystemMock({ port: 0, dataDir, now: options.now });

  const call = (pathname: string, init: CallInit = {}) => {
    const headers: Record<string, string> = {};
    if (init.fnr) headers[PERSON_HEADER] = init.fnr;
    let body: string | URLSearchParams | undefined;
    if (init.body instanceof URLSearchParams) body = init.body;
    else if (init.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    }
    return fetch(new URL(pathname, mock.url), { method: init.method ?? "GET", headers, body, signal: init.signal, redirect: init.redirect });
  };

  const json = async (pathname: string, fnr?: string) => {
    const response = await call(pathname, { fnr });
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };

  const users = testUserSchema.parse(await json("/mock/testbrukere"));
  return {
    mock,
    dataDir,
    users,
    user(id) {
      const found = users.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no test user ${id}`);
      return found;
    },
    call,
    json,
    async close() {
      await mock.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The text shown by each text operation in a pdfkit PDF, with its compressed streams inflated. */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const streams = [...raw.matchAll(/\/FlateDecode[^]*?stream\r?\n/g)].map((match) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      return inflateSync(Buffer.from(raw.slice(start, end), "latin1")).toString("latin1");
    } catch {
      return "";
    }
  });
  return streams
    .flatMap((stream) =>
      [...stream.matchAll(/\[((?:<[0-9a-f]*>|[-\d.\s])*)\]\s*TJ/g)].map((match) =>
        [...(match[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1] ?? "", "hex").toString("latin1")).join(""),
      ),
    )
    .join(" ");
}
