/**
 * Municipalities a person may name instead of typing their kommunenummer (the numbers of 2024).
 * Not every municipality: the larger ones and those the fagsystem's test offices serve; anyone
 * else types the four digits, which NORG answers for every municipality.
 */
export const municipalities: readonly { number: string; name: string }[] = [
  { number: "0301", name: "Oslo" },
  { number: "4601", name: "Bergen" },
  { number: "5001", name: "Trondheim" },
  { number: "1103", name: "Stavanger" },
  { number: "1108", name: "Sandnes" },
  { number: "4204", name: "Kristiansand" },
  { number: "5501", name: "Tromsø" },
  { number: "3201", name: "Bærum" },
  { number: "3203", name: "Asker" },
  { number: "3205", name: "Lillestrøm" },
  { number: "3301", name: "Drammen" },
  { number: "3107", name: "Fredrikstad" },
  { number: "3105", name: "Sarpsborg" },
  { number: "3103", name: "Moss" },
  { number: "3905", name: "Tønsberg" },
  { number: "3907", name: "Sandefjord" },
  { number: "3909", name: "Larvik" },
  { number: "4003", name: "Skien" },
  { number: "4001", name: "Porsgrunn" },
  { number: "4203", name: "Arendal" },
  { number: "1106", name: "Haugesund" },
  { number: "1804", name: "Bodø" },
  { number: "1506", name: "Molde" },
  { number: "3403", name: "Hamar" },
  { number: "3405", name: "Lillehammer" },
  { number: "3407", name: "Gjøvik" },
  { number: "1151", name: "Utsira" },
];

const normalise = (value: string) => value.normalize("NFC").trim().toLocaleLowerCase("nb").replace(/\s+/g, " ");

/** The kommunenummer a person typed or named ("0301", "oslo", " Oslo "), or null. */
export function kommunenummerOf(query: string): string | null {
  const text = normalise(query);
  if (/^\d{4}$/.test(text)) return text;
  return municipalities.find((municipality) => normalise(municipality.name) === text)?.number ?? null;
}
