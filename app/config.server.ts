import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

/** An address or subnet (IPv4 or IPv6, optionally /bits), or one of Express's names for address ranges. */
const PROXY_TOKEN = /^(?:loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(?:\/\d{1,3})?)$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().positive().default(3000),
    MOCKS: bool,
    /**
     * MOCKS=true under NODE_ENV=production (the default) is refused without this: the test login lets anyone in as
     * anyone. Set by `npm start` (the README's demo) and the e2e, resilience and bench harnesses, never in a real deployment.
     */
    ALLOW_MOCKS_IN_PRODUCTION: bool,
    /** Port of the in-process fagsystem mock (0 = any free port). */
    MOCK_PORT: z.coerce.number().int().min(0).default(0),
    DATA_DIR: z.string().default("./data"),
    DATABASE_URL: z.string().url().optional(),
    FAGSYSTEM_URL: z.string().url().optional(),
    FAGSYSTEM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
    /** After SIGTERM: how long requests in flight may take before the process exits anyway (docs/decisions/027). */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    SESSION_IDLE_SECONDS: z.coerce.number().int().positive().default(30 * 60),
    SESSION_MAX_SECONDS: z.coerce.number().int().positive().default(6 * 60 * 60),
    SESSION_WARNING_SECONDS: z.coerce.number().int().positive().default(5 * 60),
    /**
     * Contact-centre staff: their own clock. A workstation in an office that locks itself, and a
     * working day of calls with pauses between them: an hour idle, ten hours at most.
     */
    STAFF_SESSION_IDLE_SECONDS: z.coerce.number().int().positive().default(60 * 60),
    STAFF_SESSION_MAX_SECONDS: z.coerce.number().int().positive().default(10 * 60 * 60),
    // Rate limits (docs/decisions/023): generous for people, a wall for scripts.
    /** Login attempts (test login, staff login) per minute from one address. */
    RATE_LIMIT_LOGINS_PER_ADDRESS: z.coerce.number().int().positive().default(60),
    /** Login attempts per minute for one person (fødselsnummer or NAV ident). */
    RATE_LIMIT_LOGINS_PER_PERSON: z.coerce.number().int().positive().default(10),
    /** Attempts to send a søknad per hour for one person. */
    RATE_LIMIT_SENDS_PER_PERSON: z.coerce.number().int().positive().default(60),
    /** Messages a person may write per hour (a conversation is never near it; a script is). */
    RATE_LIMIT_MESSAGES_PER_PERSON: z.coerce.number().int().positive().default(120),
    /**
     * Which peers are proxies whose X-Forwarded-Host and X-Forwarded-Proto are believed (Express's
     * "trust proxy"): a number of hops, or addresses, subnets and the names loopback, linklocal and
     * uniquelocal, separated by commas. Empty: none; the headers are then removed from every request.
     */
    TRUST_PROXY: z
      .string()
      .default("")
      .transform((value) => value.trim())
      .refine((value) => value === "" || /^\d+$/.test(value) || value.split(",").every((part) => PROXY_TOKEN.test(part.trim())), {
        message: "must be empty, a number of hops, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal",
      })
      .transform((value): false | number | string[] => (value === "" ? false : /^\d+$/.test(value) ? Number(value) : value.split(",").map((part) => part.trim()))),
    // Real identity providers (ID-porten for citizens, Entra ID for staff; docs/decisions/028). Required without mocks.
    /** Where people reach the portal (https://…): the identity providers send them back to PUBLIC_URL/oauth2/…. */
    PUBLIC_URL: z
      .string()
      .url()
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
    IDPORTEN_WELL_KNOWN_URL: z.string().url().optional(),
    IDPORTEN_CLIENT_ID: z.string().min(1).optional(),
    /** The client's private key as a JWK (JSON), for private_key_jwt client authentication. */
    IDPORTEN_CLIENT_JWK: z.string().min(1).optional(),
    /** The lowest level of assurance accepted; also what is asked for. */
    IDPORTEN_ACR: z.enum(["idporten-loa-substantial", "idporten-loa-high"]).default("idporten-loa-substantial"),
    AZURE_APP_WELL_KNOWN_URL: z.string().url().optional(),
    AZURE_APP_CLIENT_ID: z.string().min(1).optional(),
    AZURE_APP_CLIENT_SECRET: z.string().min(1).optional(),
    /** The Entra ID group (object id) whose members have the contact-centre role. */
    AZURE_NKS_GROUP_ID: z.string().min(1).optional(),
    // Virus scanning with ClamAV (docs/decisions/029): clamd over TCP (host and port) or a unix socket.
    // Required without mocks; with mocks it is used when set, else the EICAR mock scanner is.
    CLAMAV_HOST: z.string().min(1).optional(),
    CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
    CLAMAV_SOCKET: z.string().min(1).optional(),
    /** How long one scan may take, connecting included; past it the file is refused with "try again". */
    CLAMAV_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // Logs (app/log.server.ts, docs/deploy.md "Logs"): JSON lines on standard output.
    /** The lowest level written: fatal, error, warn, info, debug or trace (debug adds static files and health checks). */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
  })
  .superRefine((env, ctx) => {
    // The warning opens SESSION_WARNING_SECONDS before the end; it cannot open before the last request.
    if (env.SESSION_WARNING_SECONDS >= env.SESSION_IDLE_SECONDS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_WARNING_SECONDS"],
        message: `must be shorter than SESSION_IDLE_SECONDS (${env.SESSION_WARNING_SECONDS} s warning, ${env.SESSION_IDLE_SECONDS} s idle): the timeout warning would open before the person could do anything`,
      });
    }
    if (env.SESSION_WARNING_SECONDS >= env.STAFF_SESSION_IDLE_SECONDS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_WARNING_SECONDS"],
        message: `must be shorter than STAFF_SESSION_IDLE_SECONDS (${env.SESSION_WARNING_SECONDS} s warning, ${env.STAFF_SESSION_IDLE_SECONDS} s idle)`,
      });
    }
    if (env.MOCKS && env.NODE_ENV === "production" && !env.ALLOW_MOCKS_IN_PRODUCTION) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["MOCKS"],
        message: "MOCKS=true with NODE_ENV=production (the default) lets anyone log in as anyone; set ALLOW_MOCKS_IN_PRODUCTION=true only for a demo or a test run",
      });
    }
    const problem = (key: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message });
    // In production every address a person's browser or the login goes through is https; plain http only on this machine.
    if (env.NODE_ENV === "production") {
      for (const key of ["PUBLIC_URL", "IDPORTEN_WELL_KNOWN_URL", "AZURE_APP_WELL_KNOWN_URL"] as const) {
        const value = env[key];
        if (value && !isHttpsOrLoopback(value)) problem(key, `must be an https:// address in production (got ${new URL(value).protocol}//${new URL(value).host})`);
      }
    }
    if (env.IDPORTEN_CLIENT_JWK) {
      const weakness = privateJwkProblem(env.IDPORTEN_CLIENT_JWK);
      if (weakness) problem("IDPORTEN_CLIENT_JWK", weakness);
    }
    if (env.AZURE_APP_CLIENT_SECRET && env.AZURE_APP_CLIENT_SECRET.length < 32) {
      problem("AZURE_APP_CLIENT_SECRET", `is too short to be a real client secret (${env.AZURE_APP_CLIENT_SECRET.length} characters, at least 32)`);
    }
    if (env.CLAMAV_HOST && env.CLAMAV_SOCKET) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["CLAMAV_SOCKET"], message: "set CLAMAV_HOST (with CLAMAV_PORT) or CLAMAV_SOCKET, not both" });
    }
    if (!env.MOCKS && !env.CLAMAV_HOST && !env.CLAMAV_SOCKET) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["CLAMAV_HOST"], message: "CLAMAV_HOST (or CLAMAV_SOCKET) is required when MOCKS is not true: uploads are scanned by clamd" });
    }
    if (env.MOCKS) return;
    const required = [
      "FAGSYSTEM_URL",
      "PUBLIC_URL",
      "IDPORTEN_WELL_KNOWN_URL",
      "IDPORTEN_CLIENT_ID",
      "IDPORTEN_CLIENT_JWK",
      "AZURE_APP_WELL_KNOWN_URL",
      "AZURE_APP_CLIENT_ID",
      "AZURE_APP_CLIENT_SECRET",
      "AZURE_NKS_GROUP_ID",
    ] as const;
    for (const key of required) {
      if (!env[key]) problem(key, `${key} is required when MOCKS is not true`);
    }
  });

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isHttpsOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

/** Why a client key cannot be used (not JSON, not a private key, too weak), or null. */
function privateJwkProblem(value: string): string | null {
  let jwk: { kty?: unknown; d?: unknown; n?: unknown; crv?: unknown };
  try {
    jwk = JSON.parse(value);
  } catch {
    return "must be a JSON Web Key (JSON), not valid JSON";
  }
  if (typeof jwk !== "object" || jwk === null || typeof jwk.d !== "string") return "must be a private JSON Web Key (with its private part, d)";
  if (jwk.kty === "RSA") {
    const bits = typeof jwk.n === "string" ? Buffer.from(jwk.n, "base64url").length * 8 : 0;
    return bits >= 2048 ? null : `is a weak RSA key (${bits} bits, at least 2048)`;
  }
  if (jwk.kty === "EC") return ["P-256", "P-384", "P-521"].includes(String(jwk.crv)) ? null : `uses an unsupported curve (${String(jwk.crv)})`;
  return `must be an RSA or EC key (got kty ${String(jwk.kty)})`;
}

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(
    /** One line per refused setting: "NAME: why". */
    readonly problems: string[],
  ) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

let cached: Config | undefined;

/** The configuration, read once from the environment. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function mocksEnabled(): boolean {
  return config().MOCKS;
}
