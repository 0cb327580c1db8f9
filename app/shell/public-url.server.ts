import { config } from "~/config.server";

/** Where people reach the portal, for absolute addresses (canonical, hreflang, the sitemap): PUBLIC_URL, else the request's own origin. */
export function publicOrigin(request: Request): string {
  return config().PUBLIC_URL ?? new URL(request.url).origin;
}
