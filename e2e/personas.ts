import { MOCK_CONTROL } from "../playwright.config";

export type TestUser = { id: string; fnr: string; name: string; birthDate: string };

/** The seeded test persons, as the mock ID-porten login lists them. */
export async function testUsers(): Promise<TestUser[]> {
  const response = await fetch(`${MOCK_CONTROL}/mock/testbrukere`);
  return (await response.json()) as TestUser[];
}

export async function persona(id: string): Promise<TestUser> {
  const user = (await testUsers()).find((candidate) => candidate.id === id);
  if (!user) throw new Error(`No test person with id ${id}`);
  return user;
}

/** The person's name as a pattern that matches it whole: "Kari Syntetisk 1" is not "Kari Syntetisk 12" on the login page. */
export const wholeName = (name: string): RegExp => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\d)`);
