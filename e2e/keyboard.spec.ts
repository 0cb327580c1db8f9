/**
 * A whole standard application with the keyboard only: from the front page through the login,
 * all nine steps and the summary to the receipt, with Tab, Shift+Tab, Space, Enter and the arrow
 * keys (and typing into the field that has focus). No click, no fill. At every stop of the Tab key
 * the focused control must show that it has focus; after a failed "Neste" the error summary must
 * have focus. After every move to another page the new page's h1 has focus, and the title says
 * which step of nine it is, with "Feil: " first while the error summary shows (decision 020).
 * Every page is checked with axe as in the other tests (fixtures.ts).
 *
 * Sends once as the persona `gift` (the accessibility test sends the other of its two a day).
 * A message from the front page's header link to "Meldingen er sendt." goes the same way: after a
 * failed send the error summary has focus, after the send the line that says it was sent; the file
 * is chosen in the browser's file chooser, opened with Enter on the upload field.
 * The contact centre: the staff login, the search field focused on arrival, a number typed and
 * Enter, Tab to under-behandling's newest søknad in the table and Enter, then the shortcuts
 * Alt+Shift+O (the person's overview) and Alt+Shift+S (the search); where the page itself puts
 * focus (the field, a new page's h1) it must show too.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, hydrated, loginAs, test } from "./fixtures";
import { texts, textPattern } from "./locale";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { MOCK_CONTROL } from "../playwright.config";
import { freshPerson, klagerOf, officeReply, refusal, samtalerOf } from "./mock-control";
import { persona, wholeName } from "./personas";

/** What a person sees of the focus: an outline or a ring on the control, its label or the box around it. */
async function focusIndicator(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { visible: true, what: "body" };
    const describe = (node: Element) => {
      const label = node instanceof HTMLInputElement && node.labels?.[0] ? node.labels[0].textContent : node.textContent;
      return `${node.tagName.toLowerCase()}${node.getAttribute("type") ? `[type=${node.getAttribute("type")}]` : ""} "${(label ?? "").trim().replace(/\s+/g, " ").slice(0, 50)}"`;
    };
    const candidates: Element[] = [element];
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) candidates.push(...(element.labels ?? []));
    if (element.nextElementSibling) candidates.push(element.nextElementSibling);
    for (let node = element.parentElement, depth = 0; node && depth < 3; node = node.parentElement, depth++) candidates.push(node);
    const shows = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== "none" && style.boxShadow !== "");
    const visible = candidates.some((node) => [null, "::before", "::after"].some((pseudo) => shows(getComputedStyle(node, pseudo))));
    return { visible, what: describe(element) };
  });
}

function keyboard(page: Page) {
  const unseen: string[] = [];
  const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
  const self = {
    unseen,
    async press(key: string) {
      await page.keyboard.press(key);
    },
    /** Checks that the focus the page itself put somewhere (not a Tab stop) can be seen. */
    async shows() {
      const indicator = await focusIndicator(page);
      if (!indicator.visible) unseen.push(`${new URL(page.url()).pathname}: ${indicator.what}`);
    },
    /** Tabs (or Shift+Tabs) until `target` or something inside it has focus, checking the focus can be seen at every stop. */
    async tabTo(target: Locator, { backwards = false, max = 80 } = {}) {
      await target.waitFor();
      for (let stop = 0; stop < max; stop++) {
        await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
        const indicator = await focusIndicator(page);
        if (!indicator.visible) unseen.push(`${new URL(page.url()).pathname}: ${indicator.what}`);
        if (await isFocused(target)) return;
      }
      throw new Error(`Tab never reached ${target}`);
    },
    /** Tabs into a radio group and moves with the arrow keys to `option`, then selects it with Space. */
    async choose(group: Locator, option: string) {
      const radio = group.getByRole("radio", { name: option, exact: true });
      await self.tabTo(group);
      for (let step = 0; step < 12 && !(await isFocused(radio)); step++) await page.keyboard.press("ArrowDown");
      await expect(radio).toBeFocused();
      if (!(await radio.isChecked())) await page.keyboard.press("Space");
      await expect(radio).toBeChecked();
    },
    async tick(checkbox: Locator) {
      await self.tabTo(checkbox);
      await page.keyboard.press("Space");
      await expect(checkbox).toBeChecked();
    },
    async type(field: Locator, value: string) {
      await self.tabTo(field);
      // Select what is there (a prefilled value) and write over it.
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(value);
      await expect(field).toHaveValue(value);
    },
    async activate(control: Locator, key: "Enter" | "Space" = "Enter") {
      await self.tabTo(control);
      await page.keyboard.press(key);
    },
  };
  return self;
}

test("a whole standard application with the keyboard only, from the front page to the receipt", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard use is the same at every width and needs JavaScript for the focus checks; runs in the desktop project");
  test.setTimeout(240_000);
  const person = await persona("gift");
  const t = texts("nb");
  const main = page.locator("main");
  const keys = keyboard(page);
  const heading = (key: string) => page.getByRole("heading", { level: 1, name: t(key), exact: true });
  const service = t("common:shell.serviceName");
  /** The new page is announced: its h1 has focus (never <body>); on a step, the title says which. */
  const arrived = async (key: string, step?: number) => {
    await expect(heading(key)).toBeFocused();
    const own = step ? t("common:shell.stepTitle", { number: step, total: 9, title: t(key) }) : t(key);
    await expect(page).toHaveTitle(own === service ? service : `${own} – ${service}`);
  };
  const radios = (legend: string | RegExp) => main.getByRole("radiogroup", { name: legend });
  const checkbox = (name: string) => main.getByRole("checkbox", { name, exact: true });
  const button = (name: string) => main.getByRole("button", { name, exact: true });
  const next = async (titleKey: string, step: number) => {
    await keys.activate(button(t("soknad:nav.next")));
    await expect(heading(titleKey)).toBeVisible();
    await hydrated(page);
    await arrived(titleKey, step);
  };

  // The front page, then the login the application asks for.
  await page.goto("/nb");
  await hydrated(page);
  await keys.activate(main.getByRole("link", { name: t("landing:apply") }));
  await expect(heading("auth:testLogin.title")).toBeVisible();
  await hydrated(page);
  await arrived("auth:testLogin.title");
  const persons = main.getByRole("radiogroup", { name: t("auth:testLogin.legend") });
  await keys.tabTo(persons);
  const me = persons.getByRole("radio", { name: new RegExp(person.name) });
  for (let step = 0; step < 12 && !(await me.evaluate((element) => element === document.activeElement)); step++) await keys.press("ArrowDown");
  await expect(me).toBeFocused();
  if (!(await me.isChecked())) await keys.press("Space");
  await keys.activate(button(t("auth:testLogin.submit")));

  // The start page.
  await expect(heading("soknad:start.title")).toBeVisible();
  await hydrated(page);
  await arrived("soknad:start.title");
  await keys.activate(button(t("soknad:start.begin")));

  await expect(heading("soknad-personalia:title")).toBeVisible();
  await hydrated(page);
  await arrived("soknad-personalia:title", 1);
  await keys.choose(radios(t("soknad-personalia:address.legend")), t("soknad-personalia:address.folkeregistrert"));
  await next("soknad-behov:title", 2);

  // "Neste" with nothing chosen: the error summary gets focus, and its link leads to the field.
  await keys.activate(button(t("soknad:nav.next")));
  const summaryHeading = page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") });
  await expect(summaryHeading).toBeVisible();
  await expect
    .poll(() => summaryHeading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the error summary has focus after a failed Neste",
    })
    .toBe(true);
  await expect(page).toHaveTitle(t("common:shell.errorTitle", { title: `${t("common:shell.stepTitle", { number: 2, total: 9, title: t("soknad-behov:title") })} – ${service}` }));
  await keys.activate(main.getByRole("link", { name: t("soknad-errors:categories.required") }));
  await expect(main.getByRole("group", { name: t("soknad-behov:category.legend") }).getByRole("checkbox").first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(checkbox(t("soknad-behov:category.livsopphold"))).toBeChecked();
  await keys.type(main.getByLabel(t("soknad-behov:details.label")), "Jobben ble halvert, og pengene strekker ikke til.");
  await next("soknad-arbeid:title", 3);

  await keys.choose(radios(t("soknad-arbeid:student.legend")), t("soknad-arbeid:student.nei"));
  await next("soknad-familie:title", 4);

  await keys.type(main.getByLabel(t("soknad-familie:spouse.name")), "Kari Moe");
  await keys.type(main.getByLabel(t("soknad-familie:spouse.birthDate")), "17.05.1985");
  await keys.choose(radios(t("soknad-familie:spouse.livesTogether")), t("soknad-familie:answer.ja"));
  await keys.choose(radios(/Sara/), t("soknad-familie:answer.nei"));
  await keys.choose(radios(t("soknad-familie:childSupport.legend")), t("soknad-familie:childSupport.option.ingen"));
  await next("soknad-bosituasjon:title", 5);

  await keys.choose(radios(t("soknad-bosituasjon:housing.legend")), t("soknad-bosituasjon:housing.leier"));
  await keys.type(main.getByLabel(t("soknad-bosituasjon:householdSize.label")), "3");
  await next("soknad-inntekt:title", 6);

  await keys.choose(radios(t("soknad-inntekt:skattConsent.legend")), t("soknad-inntekt:answer.nei"));
  await keys.choose(radios(t("soknad-inntekt:bostotteConsent.legend")), t("soknad-inntekt:answer.nei"));
  await keys.choose(radios(t("soknad-inntekt:studentLoan.legend")), t("soknad-inntekt:answer.nei"));
  await keys.tick(checkbox(t("soknad-inntekt:savings.option.brukskonto")));
  await next("soknad-utgifter:title", 7);

  await keys.tick(checkbox(t("soknad-utgifter:housingCosts.option.husleie")));
  await next("soknad-dokumentasjon:title", 8);

  // Every document: "Jeg sender det senere", group after group.
  await expect(main.getByRole("heading", { level: 2, name: t("soknad-dokumentasjon:other.title") })).toBeVisible();
  const choices = main.getByRole("radiogroup", { name: t("soknad-dokumentasjon:choice.legend") });
  const count = await choices.count();
  expect(count).toBeGreaterThan(1);
  for (let index = 0; index < count; index++) await keys.choose(choices.nth(index), t("soknad-dokumentasjon:choice.option.senderSenere"));
  await next("soknad:summary.title", 9);

  // Back up with Shift+Tab from the send button to the confirmation, tick it, and send.
  const send = button(t("soknad:summary.send"));
  await keys.tabTo(send);
  await keys.tabTo(checkbox(t("soknad:summary.confirm")), { backwards: true });
  await page.keyboard.press("Space");
  await expect(checkbox(t("soknad:summary.confirm"))).toBeChecked();
  await keys.activate(send);

  await expect(heading("soknad:receipt.title")).toBeVisible();
  await expect(page).toHaveURL(/\/nb\/soknad\/[0-9a-f-]{36}\/kvittering$/);
  await arrived("soknad:receipt.title");
  expect(keys.unseen, "controls that got focus without showing it").toEqual([]);
});

test("a complaint with the keyboard only, from the decision page to the receipt", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard use is the same at every width and needs JavaScript for the focus checks; runs in the desktop project");
  test.setTimeout(180_000);
  const who = await freshPerson();
  const decision = await refusal(who.id);
  const t = texts("nb");
  const main = page.locator("main");
  const keys = keyboard(page);
  const service = t("common:shell.serviceName");
  const heading = (key: string) => page.getByRole("heading", { level: 1, name: t(key), exact: true });
  const stepTitle = (number: number, key: string) => `${t("common:shell.stepTitle", { number, total: 4, title: t(key) })} – ${service}`;
  /** The new page is announced: its h1 has focus, and the title says which step of four. */
  const arrived = async (key: string, step?: number) => {
    await expect(heading(key)).toBeVisible();
    await hydrated(page);
    await expect(heading(key)).toBeFocused();
    await expect(page).toHaveTitle(step ? stepTitle(step, key) : `${t(key)} – ${service}`);
  };
  const button = (name: string) => main.getByRole("button", { name, exact: true });
  const decisionBox = main.getByRole("checkbox", { name: new RegExp(t("klage:outcome.AVSLATT")) });

  await loginAs(page, wholeName(who.name), "nb");
  await page.goto(`/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  await hydrated(page);
  await keys.activate(button(t("klage:start.button")));

  // 1: the decision is chosen already; take it away with Space and try "Neste": the error summary has focus.
  await arrived("klage:steps.vedtak.title", 1);
  await expect(decisionBox).toBeChecked();
  await keys.tabTo(decisionBox);
  await keys.press("Space");
  await expect(decisionBox).not.toBeChecked();
  await keys.activate(button(t("klage:nav.next")));
  const summaryHeading = page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") });
  await expect(summaryHeading).toBeVisible();
  await expect
    .poll(() => summaryHeading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the error summary has focus after a failed Neste",
    })
    .toBe(true);
  await expect(page).toHaveTitle(t("common:shell.errorTitle", { title: stepTitle(1, "klage:steps.vedtak.title") }));
  // Its link leads to the field; Space chooses the decision again.
  await keys.activate(main.getByRole("link", { name: t("klage:errors.vedtakRequired") }));
  await expect(decisionBox).toBeFocused();
  await keys.press("Space");
  await expect(decisionBox).toBeChecked();
  await keys.activate(button(t("klage:nav.next")));

  // 2: the words.
  await arrived("klage:steps.begrunnelse.title", 2);
  await keys.type(main.getByLabel(t("klage:steps.begrunnelse.tekst")), "Jeg mistet jobben, og lønnen kom ikke i november.");
  await keys.activate(button(t("klage:nav.next")));

  // 3: no documents; back with Shift+Tab from "Neste" to "Forrige steg" and forward again.
  await arrived("klage:steps.vedlegg.title", 3);
  await keys.tabTo(button(t("klage:nav.next")));
  await keys.tabTo(button(t("klage:nav.previous")), { backwards: true });
  await keys.press("Enter");
  await arrived("klage:steps.begrunnelse.title", 2);
  await expect(main.getByLabel(t("klage:steps.begrunnelse.tekst"))).toHaveValue("Jeg mistet jobben, og lønnen kom ikke i november.");
  await keys.activate(button(t("klage:nav.next")));
  await arrived("klage:steps.vedlegg.title", 3);
  await keys.activate(button(t("klage:nav.next")));

  // 4: the summary; send with Space.
  await arrived("klage:steps.oppsummering.title", 4);
  await expect(main.getByText("Jeg mistet jobben, og lønnen kom ikke i november.")).toBeVisible();
  await keys.activate(button(t("klage:nav.send")), "Space");

  await arrived("klage:receipt.title");
  await expect(page).toHaveURL(/\/nb\/klage\/[0-9a-f-]{36}\/kvittering$/);
  expect(await klagerOf(who.fnr)).toHaveLength(1);
  expect(keys.unseen, "controls that got focus without showing it").toEqual([]);
});

test("a message with the keyboard only: the header's Meldinger, a conversation, an empty send, the text and a file, sent", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard use is the same at every width and needs JavaScript for the focus checks; runs in the desktop project");
  test.setTimeout(120_000);
  const who = await freshPerson();
  const [general] = await samtalerOf(who.fnr);
  expect(general?.fiksDigisosId, "the general conversation").toBeNull();
  await officeReply(general!.samtaleId, { tekst: "Hei! Send oss kontoutskriften for november.", saksbehandler: "Kari" });
  const t = texts("nb");
  const main = page.locator("main");
  const keys = keyboard(page);
  const service = t("common:shell.serviceName");
  const heading = (key: string) => page.getByRole("heading", { level: 1, name: t(key), exact: true });
  const arrived = async (key: string) => {
    await expect(heading(key)).toBeVisible();
    await hydrated(page);
    await expect(heading(key)).toBeFocused();
    await expect(page).toHaveTitle(`${t(key)} – ${service}`);
  };
  const send = main.getByRole("button", { name: t("meldinger:write.send"), exact: true });
  const text = main.getByRole("textbox", { name: textPattern("nb", "meldinger", "write.label") });

  await loginAs(page, wholeName(who.name), "nb");
  await page.goto("/nb");
  await hydrated(page);
  // The header's link says there is one new message.
  await keys.activate(page.locator("header").getByRole("link", { name: new RegExp(`^${t("common:shell.messages")}\\s*,\\s*${t("common:shell.messagesUnread_one", { count: 1 })}$`) }));
  await arrived("meldinger:title");
  await keys.activate(main.getByRole("link", { name: t("meldinger:list.general"), exact: true }));
  await arrived("meldinger:conversation.generalTitle");
  await expect(main.getByText("Hei! Send oss kontoutskriften for november.")).toBeVisible();

  // "Send meldingen" with nothing written: the error summary has focus, and its link leads to the text.
  await keys.activate(send);
  const summaryHeading = page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") });
  await expect(summaryHeading).toBeVisible();
  await expect
    .poll(() => summaryHeading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the error summary has focus after a failed send",
    })
    .toBe(true);
  await expect(page).toHaveTitle(t("common:shell.errorTitle", { title: `${t("meldinger:conversation.generalTitle")} – ${service}` }));
  await keys.activate(main.getByRole("link", { name: t("meldinger:errors.tekstRequired") }));
  await expect(text).toBeFocused();
  await page.keyboard.type("Her er kontoutskriften for november.");
  await expect(text).toHaveValue("Her er kontoutskriften for november.");

  // The files are behind "Legg ved filer (valgfritt)": Enter opens it.
  const attach = main.locator("summary", { hasText: t("meldinger:write.attach") });
  await keys.tabTo(attach);
  await keys.press("Enter");
  await expect(main.locator("details.attach")).toHaveAttribute("open", "");
  // The file: Enter on the upload field opens the browser's file chooser.
  const chooser = page.locator(".aksel-dropzone__area-button");
  await keys.tabTo(chooser);
  const [fileChooser] = await Promise.all([page.waitForEvent("filechooser"), keys.press("Enter")]);
  await fileChooser.setFiles({ name: "kontoutskrift-november.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) });
  await expect(main.getByText(/kontoutskrift-november\.pdf/)).toBeVisible();

  // Sent: the line that says so has focus, the message is at the top with its file, and the form is empty again.
  await keys.activate(send);
  const sent = main.getByText(t("meldinger:conversation.sent"));
  await expect(sent).toBeVisible();
  await expect
    .poll(() => sent.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the line that says the message was sent has focus",
    })
    .toBe(true);
  await expect(page).toHaveURL(new RegExp(`/nb/meldinger/${general!.samtaleId}\\?sendt=[0-9a-f-]{36}$`));
  const newest = main.locator(".message-list > li").first();
  await expect(newest).toContainText("Her er kontoutskriften for november.");
  await expect(newest.getByRole("link", { name: "kontoutskrift-november.pdf" })).toBeVisible();
  await expect(text).toHaveValue("");
  // The fagsystem got one message from the person, with the file.
  const side = (await (await fetch(`${MOCK_CONTROL}/api/v1/samtaler/${general!.samtaleId}`, { headers: { "Nav-Personident": who.fnr } })).json()) as {
    meldinger: { avsender: { type: string }; tekst: string; filer: { filnavn: string }[] }[];
  };
  const mine = side.meldinger.filter((melding) => melding.avsender.type === "PERSON");
  expect(mine.map((melding) => [melding.tekst, melding.filer.map((fil) => fil.filnavn)])).toEqual([["Her er kontoutskriften for november.", ["kontoutskrift-november.pdf"]]]);
  expect(keys.unseen, "controls that got focus without showing it").toEqual([]);
});

test("the contact centre with the keyboard only: the staff login, a search, a søknad from the table, Alt+Shift+O back to the person and Alt+Shift+S to a new search", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard use is the same at every width and needs JavaScript for the focus checks and the shortcuts; runs in the desktop project");
  test.setTimeout(120_000);
  const caller = await persona("under-behandling");
  const t = texts("nb");
  const main = page.locator("main");
  const keys = keyboard(page);
  const service = t("common:shell.serviceName");
  const field = main.getByRole("textbox", { name: t("nks:search.label") });
  /** Focus is on `target`, put there by the page, and shows. */
  const focusedAndSeen = async (target: Locator) => {
    await expect(target).toBeFocused();
    await keys.shows();
  };

  await page.goto("/nb/nks/logg-inn");
  await hydrated(page);
  const users = main.getByRole("radiogroup", { name: t("auth:staffLogin.legend") });
  await keys.tabTo(users);
  const nora = users.getByRole("radio", { name: /Nora Kontaktsenter/ });
  for (let step = 0; step < 6 && !(await nora.evaluate((element) => element === document.activeElement)); step++) await keys.press("ArrowDown");
  await expect(nora).toBeFocused();
  if (!(await nora.isChecked())) await keys.press("Space");
  await keys.activate(main.getByRole("button", { name: t("auth:testLogin.submit"), exact: true }));

  // The search page: the field has focus on arrival; type the number and press Enter.
  await expect(page.getByRole("heading", { level: 1, name: t("nks:search.title") })).toBeVisible();
  await expect(page).toHaveTitle(`${t("nks:search.title")} – ${service}`);
  await focusedAndSeen(field);
  await page.keyboard.type(caller.fnr);
  await keys.press("Enter");

  // The person's page: its h1 (the name) has focus; Tab through the page to the first søknad and open it with Enter.
  await expect(page).toHaveURL(/\/nb\/nks\/person\/[\w-]{24}$/);
  const overview = page.url();
  await focusedAndSeen(page.getByRole("heading", { level: 1, name: caller.name }));
  const firstSoknad = main.getByRole("table").getByRole("link").first();
  await expect(firstSoknad).toHaveText(textPattern("nb", "nks", "soknader.open"));
  const soknadPath = await firstSoknad.getAttribute("href");
  expect(soknadPath).toMatch(new RegExp(`^${new URL(overview).pathname}/soknad/[0-9a-f-]{36}$`));
  await keys.activate(firstSoknad);
  await expect(page).toHaveURL(new URL(soknadPath!, overview).href);
  await focusedAndSeen(page.getByRole("heading", { level: 1, name: `${t("nks:soknad.title")}: ${caller.name}` }));

  // Alt+Shift+O: back to the person's overview; Alt+Shift+S: a new search, the field focused again.
  await keys.press("Alt+Shift+O");
  await expect(page).toHaveURL(overview);
  await focusedAndSeen(page.getByRole("heading", { level: 1, name: caller.name }));
  await keys.press("Alt+Shift+S");
  await expect(page).toHaveURL(/\/nb\/nks$/);
  await focusedAndSeen(field);
  await expect(field).toHaveValue("");
  expect(keys.unseen, "controls that got focus without showing it").toEqual([]);
});
