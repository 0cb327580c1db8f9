/**
 * Logging in and out. The identity provider is a seam: in mock mode a test login
 * (like ID-porten's test login) lists the seeded persons; without mocks, real OIDC
 * settings are required at start-up and the OIDC client plugs in here.
 */
import { z } from "zod";
import { config, mocksEnabled } from "~/config.server";
import { fagsystem, fagsystemBaseUrl } from "~/fagsystem/client.server";
import { ageOn } from "~/i18n/format";
import { createSession, destroySession, findSession, type ApplicantSubject, type ProviderSession, type StaffSubject } from "~/session/session.server";
import { providerLogoutUrl } from "~/auth/oidc.server";
import { clearSessionCookie, readSessionToken, sessionCookie } from "~/session/cookie.server";

export type IdentityProvider = "mock" | "oidc";

export function identityProvider(): IdentityProvider {
  return mocksEnabled() ? "mock" : "oidc";
}

/** Mock-only routes call this first: without mocks they do not exist. */
export function requireMocks(): void {
  if (!mocksEnabled()) throw new Response("Not Found", { status: 404 });
}

const testUserSchema = z.array(z.object({ id: z.string(), fnr: z.string().regex(/^\d{11}$/), name: z.string(), birthDate: z.string() }));
const staffTestUserSchema = z.array(z.object({ navIdent: z.string(), name: z.string(), roles: z.array(z.string()) }));
export type TestUser = z.infer<typeof testUserSchema>[number];
export type StaffTestUser = z.infer<typeof staffTestUserSchema>[number];

/** The mock identity provider lives beside the fagsystem mock; this reads its test users. */
async function mockIdp<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S>> {
  requireMocks();
  const response = await fetch(new URL(path, fagsystemBaseUrl()), { signal: AbortSignal.timeout(config().FAGSYSTEM_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`mock identity provider answered ${response.status}`);
  return schema.parse(await response.json());
}

export const listTestUsers = () => mockIdp("/mock/testbrukere", testUserSchema);
export const listStaffTestUsers = () => mockIdp("/mock/nks-testbrukere", staffTestUserSchema);

export function formatName(navn: { fornavn: string; mellomnavn?: string | null; etternavn: string }) {
  return [navn.fornavn, navn.mellomnavn, navn.etternavn].filter(Boolean).join(" ");
}

/** Starts an applicant session for an authenticated fnr; returns the Set-Cookie value. */
export async function loginApplicant(request: Request, fnr: string, options: { now?: Date; provider?: ProviderSession } = {}): Promise<string> {
  const now = options.now ?? new Date();
  const person = await fagsystem.folkeregisterPerson(fnr);
  const refusal: ApplicantSubject["refusal"] =
    person.adressebeskyttelse !== "UGRADERT" ? "protected-address" : ageOn(person.fodselsdato, now) < 18 ? "under-18" : null;
  const subject: ApplicantSubject = { fnr: person.fnr, name: formatName(person.navn), birthDate: person.fodselsdato, refusal };
  // A fresh session (and token) at every login: nothing from before the login carries over.
  await endExistingSession(request);
  const { token } = await createSession("applicant", subject, { now, provider: options.provider });
  return sessionCookie(request, token);
}

export async function loginStaff(request: Request, user: StaffSubject, options: { provider?: ProviderSession } = {}): Promise<string> {
  await endExistingSession(request);
  const { token } = await createSession("staff", user, { provider: options.provider });
  return sessionCookie(request, token);
}

async function endExistingSession(request: Request) {
  const token = readSessionToken(request);
  if (token) await destroySession(token);
}

/**
 * Ends the session on the server and tells the browser to forget everything of ours. After a real
 * login, `providerLogout` is where to send the browser so the identity provider's session ends too
 * (it comes back to /oauth2/logget-ut with `returnState`).
 */
export async function logout(request: Request, returnState = ""): Promise<{ headers: Headers; providerLogout: string | null }> {
  const token = readSessionToken(request);
  const session = token ? await findSession(token) : null;
  await endExistingSession(request);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie(request));
  headers.set("Clear-Site-Data", '"cache", "cookies", "storage"');
  const providerLogout = session?.provider ? await providerLogoutUrl(session.provider, returnState) : null;
  return { headers, providerLogout };
}
