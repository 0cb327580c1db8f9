/**
 * Exactly one message (meldinger), whatever happens to "Send meldingen" on its way. The form
 * carries the message's id (meldingId, the draft's), and the fagsystem answers a second send with
 * the same id with the message it has. So:
 *
 * - the portal is killed (SIGKILL) after the fagsystem stored the message but before the person
 *   got an answer; after the restart the person sends the same form again (a browser's retry, or
 *   the reloaded page, which still carries the same meldingId and text): one message, with its file;
 * - the connection between portal and fagsystem drops after the fagsystem stored it: the portal
 *   sends again by itself; when that is lost too, the person is told it did not go, sends again,
 *   and there is one message;
 * - twenty posts of one form at once (a double click, two tabs), with and without a file: one
 *   message (with the file once), and every answer is the redirect to the conversation with
 *   "Meldingen er sendt.".
 *
 * "After the fagsystem got it" needs a fagsystem whose answer can be lost: the portal talks to the
 * mock (in a process of its own) through a small proxy here, which forwards every request and,
 * when told to, lets the send through and then kills the portal or drops the connection instead
 * of passing the answer back.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankStatement } from "../../app/vedlegg/fixtures.test-support";
import { Browser, expectRedirect, fieldsOf, textOf, valueOf, type Reply, type TestUser } from "./client";
import { portsFor, startMock, startPortal, stopAll, tempDir, type Proc } from "./harness";

const port = portsFor(5);
const work = tempDir("meldinger");
const dataDir = `${work.dir}/portal`;
let mock: Proc | undefined;
let portal: Proc | undefined;
let proxy: Proxy | undefined;

const start = () => startPortal({ port: port(0), fagsystemUrl: proxy!.url, dataDir });

beforeAll(async () => {
  mock = await startMock({ port: port(1), dataDir: `${work.dir}/mock` });
  proxy = await startProxy(port(2), port(1));
  portal = await start();
});

afterAll(async () => {
  await stopAll(portal, mock);
  await proxy?.close();
  work.cleanup();
});

/* ---------- a fagsystem whose answer can be lost ---------- */

type Proxy = {
  url: string;
  /**
   * The next `times` sends of a message to `samtaleId` reach the fagsystem; then `then` runs
   * instead of the answer going back. Resolves with the fagsystem's statuses.
   */
  loseNextSends(samtaleId: string, then: "kill the portal" | "drop the connection", times?: number): Promise<number[]>;
  close(): Promise<void>;
};

function startProxy(listenPort: number, mockPort: number): Promise<Proxy> {
  let armed: { path: string; then: "kill the portal" | "drop the connection"; left: number; statuses: number[]; done: (statuses: number[]) => void } | null = null;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const upstream = http.request(
        { host: "127.0.0.1", port: mockPort, method: request.method, path: request.url, headers: { ...request.headers, host: `127.0.0.1:${mockPort}` } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => body.push(chunk));
          answer.on("end", () => {
            const lose = armed && request.method === "POST" && request.url === armed.path ? armed : null;
            if (lose) {
              lose.statuses.push(answer.statusCode ?? 0);
              if (--lose.left === 0) armed = null;
              void (async () => {
                if (lose.then === "kill the portal") await portal!.kill("SIGKILL");
                request.socket.destroy();
                if (lose.left === 0) lose.done(lose.statuses);
              })();
              return;
            }
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            response.end(Buffer.concat(body));
          });
        },
      );
      upstream.on("error", () => response.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) => {
    server.listen(listenPort, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${listenPort}`,
        loseNextSends: (samtaleId, then, times = 1) =>
          new Promise((done) => {
            armed = { path: `/api/v1/samtaler/${samtaleId}/meldinger`, then, left: times, statuses: [], done };
          }),
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      }),
    );
  });
}

/* ---------- the person and the fagsystem ---------- */

type Samtale = { samtaleId: string; fiksDigisosId: string | null };
type Melding = { meldingId: string; avsender: { type: string }; tekst: string; filer: { filnavn: string }[] };

/** A synthetic person of the test's own, logged in, and their general conversation. */
async function personWithConversation(): Promise<{ browser: Browser; person: TestUser; samtaleId: string }> {
  const response = await fetch(`${mock!.url}/mock/syntetiske-personer`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ antall: 1 }) });
  expect(response.status).toBe(201);
  const person = ((await response.json()) as TestUser[])[0]!;
  const samtaler = (await (await fetch(`${mock!.url}/api/v1/samtaler`, { headers: { "Nav-Personident": person.fnr } })).json()) as Samtale[];
  const general = samtaler.find((samtale) => samtale.fiksDigisosId === null);
  expect(general, "the general conversation").toBeTruthy();
  const browser = new Browser(portal!.url);
  await browser.login(person.fnr);
  return { browser, person, samtaleId: general!.samtaleId };
}

/** Every message the person wrote in the conversation, as the fagsystem has them (newest first; one page is enough here). */
async function personsMessages(fnr: string, samtaleId: string): Promise<Melding[]> {
  const response = await fetch(`${mock!.url}/api/v1/samtaler/${samtaleId}`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { meldinger: Melding[] }).meldinger.filter((melding) => melding.avsender.type === "PERSON");
}

/** The form's hidden meldingId on the conversation's page. */
const meldingIdOf = (page: Reply) => fieldsOf(page.html).find((field) => field.attributes.name === "meldingId")?.attributes.value;

/** "Send meldingen" as the page posts it without JavaScript: multipart, the text, the form's meldingId, and any file. */
async function sendForm(meldingId: string, tekst: string, file?: string): Promise<FormData> {
  const form = new FormData();
  form.set("meldingId", meldingId);
  form.set("tekst", tekst);
  if (file) form.set("filer.melding", new Blob([Buffer.from(await bankStatement(1))], { type: "application/pdf" }), file);
  else form.set("filer.melding", new Blob([], { type: "application/octet-stream" }), "");
  form.set("intent", "send");
  return form;
}

/** A post whose answer never comes: the connection dies with the portal, or is cut. */
async function postLost(browser: Browser, path: string, form: FormData): Promise<Reply | "no answer"> {
  try {
    return await browser.post(path, form);
  } catch {
    return "no answer";
  }
}

/** Is it the page that says the message was sent, with it at the top? */
async function expectSentPage(browser: Browser, reply: Reply, samtaleId: string, meldingId: string, tekst: string) {
  const sent = expectRedirect(reply, new RegExp(`^/nb/meldinger/${samtaleId}\\?sendt=${meldingId}$`));
  const page = await browser.page(sent.location!);
  expect(textOf(page.html)).toContain("Meldingen er sendt.");
  expect(textOf(page.html)).toContain(tekst);
  // The form is a new message's: another id, no text.
  expect(meldingIdOf(page)).not.toBe(meldingId);
  expect(valueOf(page.html, "tekst")).toBe("");
}

describe("a message the fagsystem got, whose answer never reached the person", () => {
  it("the portal is killed on the answer's way: after the restart, the reloaded page carries the same meldingId and text, and sending it gives one message with its file", async () => {
    const { browser, person, samtaleId } = await personWithConversation();
    const path = `/nb/meldinger/${samtaleId}`;
    const meldingId = meldingIdOf(await browser.page(path))!;
    expect(meldingId).toMatch(/^[0-9a-f-]{36}$/);
    const tekst = "Her er kontoutskriften. Sendt idet portalen krasjet.";
    const form = await sendForm(meldingId, tekst, "kontoutskrift-krasj.pdf");

    const lost = proxy!.loseNextSends(samtaleId, "kill the portal");
    const first = await postLost(browser, path, form);
    expect(await lost, "the fagsystem stored the message").toEqual([201]);
    expect(first).toBe("no answer");
    expect(portal!.exited).toBe(true);
    expect(await personsMessages(person.fnr, samtaleId)).toHaveLength(1);

    portal = await start();
    // The person reloads: the draft was not finished, so the form is the same message's, with the text.
    const reloaded = await browser.page(path);
    expect(meldingIdOf(reloaded)).toBe(meldingId);
    expect(valueOf(reloaded.html, "tekst")).toBe(tekst);
    // … and sends it again, with the file chosen again.
    await expectSentPage(browser, await browser.post(path, await sendForm(meldingId, tekst, "kontoutskrift-krasj.pdf")), samtaleId, meldingId, tekst);
    // A browser's retry of the very first post (the same body) later still changes nothing.
    await expectSentPage(browser, await browser.post(path, form), samtaleId, meldingId, tekst);

    const messages = await personsMessages(person.fnr, samtaleId);
    expect(messages.map((melding) => [melding.meldingId, melding.tekst, melding.filer.map((file) => file.filnavn)])).toEqual([[meldingId, tekst, ["kontoutskrift-krasj.pdf"]]]);
  });

  it("the connection to the fagsystem drops on the answer's way, once: the portal sends again by itself, and the person sees one message sent", async () => {
    const { browser, person, samtaleId } = await personWithConversation();
    const path = `/nb/meldinger/${samtaleId}`;
    const meldingId = meldingIdOf(await browser.page(path))!;
    const tekst = "Når kommer pengene? Sendt mens forbindelsen brøt.";
    const lost = proxy!.loseNextSends(samtaleId, "drop the connection");
    const first = await browser.post(path, await sendForm(meldingId, tekst));
    expect(await lost, "the fagsystem stored the message").toEqual([201]);
    await expectSentPage(browser, first, samtaleId, meldingId, tekst);
    const messages = await personsMessages(person.fnr, samtaleId);
    expect(messages.map((melding) => [melding.meldingId, melding.tekst])).toEqual([[meldingId, tekst]]);
  });

  it("the connection drops on the answer's way, and on the portal's own second try too: the person is told it did not go, keeps the text, sends again, and there is one message", async () => {
    const { browser, person, samtaleId } = await personWithConversation();
    const path = `/nb/meldinger/${samtaleId}`;
    const meldingId = meldingIdOf(await browser.page(path))!;
    const tekst = "Jeg har fått ny jobb. Sendt mens forbindelsen brøt to ganger.";
    const form = await sendForm(meldingId, tekst);
    const lost = proxy!.loseNextSends(samtaleId, "drop the connection", 2);
    const first = await browser.post(path, form);
    // The fagsystem stored it the first time and answered the second with the message it had.
    expect(await lost).toEqual([201, 200]);
    expect(first.status).toBe(503);
    expect(textOf(first.html)).toContain("Meldingen er ikke sendt.");
    expect(valueOf(first.html, "tekst")).toBe(tekst);
    expect(meldingIdOf(first)).toBe(meldingId);
    await expectSentPage(browser, await browser.post(path, form), samtaleId, meldingId, tekst);
    const messages = await personsMessages(person.fnr, samtaleId);
    expect(messages.map((melding) => [melding.meldingId, melding.tekst])).toEqual([[meldingId, tekst]]);
  });
});

describe("twenty posts of one message at once", () => {
  it("give one message, and every answer is the redirect to the conversation that says it was sent", async () => {
    const { browser, person, samtaleId } = await personWithConversation();
    const path = `/nb/meldinger/${samtaleId}`;
    const meldingId = meldingIdOf(await browser.page(path))!;
    const tekst = "Dobbeltklikk på «Send meldingen».";
    const replies = await Promise.all(Array.from({ length: 20 }, async () => browser.post(path, await sendForm(meldingId, tekst))));
    const statuses = replies.map((reply) => `${reply.status} ${reply.location ?? ""}`.trim());
    console.log(`[meldinger] twenty sends at once: ${JSON.stringify(countOf(statuses))}`);
    expect(statuses).toEqual(Array.from({ length: 20 }, () => `302 ${path}?sendt=${meldingId}`));
    const messages = await personsMessages(person.fnr, samtaleId);
    expect(messages.map((melding) => [melding.meldingId, melding.tekst])).toEqual([[meldingId, tekst]]);
    await expectSentPage(browser, replies[0]!, samtaleId, meldingId, tekst);
  });

  it("with a file chosen: one message with the file once, and every answer is the redirect", async () => {
    const { browser, person, samtaleId } = await personWithConversation();
    const path = `/nb/meldinger/${samtaleId}`;
    const meldingId = meldingIdOf(await browser.page(path))!;
    const tekst = "Dobbeltklikk med en fil.";
    const replies = await Promise.all(Array.from({ length: 20 }, async () => browser.post(path, await sendForm(meldingId, tekst, "husleiekontrakt.pdf"))));
    const statuses = replies.map((reply) => `${reply.status} ${reply.location ?? ""}`.trim());
    console.log(`[meldinger] twenty sends with a file at once: ${JSON.stringify(countOf(statuses))}`);
    const messages = await personsMessages(person.fnr, samtaleId);
    expect(messages.map((melding) => [melding.meldingId, melding.tekst, melding.filer.map((file) => file.filnavn)])).toEqual([[meldingId, tekst, ["husleiekontrakt.pdf"]]]);
    expect(statuses).toEqual(Array.from({ length: 20 }, () => `302 ${path}?sendt=${meldingId}`));
  });
});

function countOf(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
