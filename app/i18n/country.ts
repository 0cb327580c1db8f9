import { languageTag, type Language } from "./languages";

/** ISO 3166 alpha-3 → alpha-2 for the citizenships people applying most often have, so Intl can name them. */
const alpha2: Record<string, string> = {
  NOR: "NO", SWE: "SE", DNK: "DK", FIN: "FI", ISL: "IS", POL: "PL", LTU: "LT", LVA: "LV", EST: "EE", DEU: "DE",
  GBR: "GB", IRL: "IE", NLD: "NL", BEL: "BE", FRA: "FR", ESP: "ES", PRT: "PT", ITA: "IT", GRC: "GR", ROU: "RO",
  BGR: "BG", HUN: "HU", CZE: "CZ", SVK: "SK", SVN: "SI", HRV: "HR", AUT: "AT", CHE: "CH", UKR: "UA", RUS: "RU",
  BIH: "BA", SRB: "RS", XKX: "XK", ALB: "AL", MKD: "MK", TUR: "TR", SYR: "SY", IRQ: "IQ", IRN: "IR", AFG: "AF",
  PAK: "PK", IND: "IN", LKA: "LK", BGD: "BD", CHN: "CN", VNM: "VN", THA: "TH", PHL: "PH", MMR: "MM", SOM: "SO",
  ERI: "ER", ETH: "ET", SDN: "SD", SSD: "SS", COD: "CD", NGA: "NG", GHA: "GH", KEN: "KE", MAR: "MA", DZA: "DZ",
  TUN: "TN", EGY: "EG", LBY: "LY", PSE: "PS", LBN: "LB", JOR: "JO", YEM: "YE", CHL: "CL", COL: "CO", BRA: "BR",
  USA: "US", CAN: "CA", AUS: "AU",
};

/** A country's name in the page's language, from an ISO 3166 alpha-3 code (the code itself if unknown). Server-side: Node has nynorsk names, Chromium does not. */
export function countryName(code: string, language: Language): string {
  const region = alpha2[code.toUpperCase()];
  if (!region) return code.toUpperCase();
  try {
    return new Intl.DisplayNames([languageTag[language]], { type: "region" }).of(region) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
