import { describe, expect, it } from "vitest";
import { sendRadgivningRequestSchema } from "~/fagsystem/contract";
import { MAX_RADGIVNING_TEXT } from "~/fagsystem/limits";
import { normalisePhone, parseAdviceForm, type AdviceFormValues } from "./schemas";

const valid = { beskrivelse: "Jeg har inkasso på to regninger.", kontaktmate: "TELEFON", telefonnummer: "412 34 501", kontakttid: "FORMIDDAG" };
const errorsOf = (input: AdviceFormValues) => {
  const parsed = parseAdviceForm(input);
  if (parsed.ok) throw new Error("expected a refusal");
  return parsed.errors;
};
const parse = (input: AdviceFormValues) => {
  const parsed = parseAdviceForm(input);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.errors)}`);
  return parsed.form;
};

describe("normalisePhone", () => {
  it("takes a number as people write it", () => {
    expect(normalisePhone("412 34 501")).toBe("41234501");
    expect(normalisePhone("+47 412-34-501")).toBe("+4741234501");
    expect(normalisePhone("0047 (412) 34 501")).toBe("+4741234501");
  });
  it("refuses what is not a phone number", () => {
    for (const input of ["", "1234567", "41234501x", "++4741234501", "ring meg", "1".repeat(16)]) expect(normalisePhone(input), input).toBeNull();
  });
});

describe("the advice form", () => {
  it("gives the request the contract takes, the phone number normalised", () => {
    const parsed = parse(valid);
    expect(parsed).toEqual({ beskrivelse: valid.beskrivelse, kontaktmate: "TELEFON", telefonnummer: "41234501", kontakttid: "FORMIDDAG" });
    const request = { radgivningId: "6f1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70", language: "nb", ...parsed };
    expect(sendRadgivningRequestSchema.safeParse(request).success).toBe(true);
  });

  it("leaves out the phone number and time when the office is to write", () => {
    for (const kontaktmate of ["MELDING", "BREV"]) {
      const parsed = parse({ ...valid, kontaktmate, telefonnummer: "not a number" });
      expect(parsed).toMatchObject({ kontaktmate, telefonnummer: null, kontakttid: null });
      expect(sendRadgivningRequestSchema.safeParse({ radgivningId: "6f1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70", language: "en", ...parsed }).success).toBe(true);
    }
  });

  it("says what to fix, per field, in translation keys", () => {
    expect(errorsOf({ ...valid, beskrivelse: "  \u0000 " })).toEqual({ beskrivelse: "radgivning:errors.beskrivelseRequired" });
    expect(errorsOf({ ...valid, beskrivelse: "x".repeat(MAX_RADGIVNING_TEXT + 1) })).toEqual({ beskrivelse: "radgivning:errors.beskrivelseTooLong" });
    expect(errorsOf({ ...valid, kontaktmate: "" })).toEqual({ kontaktmate: "radgivning:errors.kontaktmateRequired" });
    expect(errorsOf({ ...valid, kontaktmate: "DUE" })).toEqual({ kontaktmate: "radgivning:errors.kontaktmateRequired" });
    expect(errorsOf({ ...valid, telefonnummer: " " })).toEqual({ telefonnummer: "radgivning:errors.telefonRequired" });
    expect(errorsOf({ ...valid, telefonnummer: "1234" })).toEqual({ telefonnummer: "radgivning:errors.telefonInvalid" });
    expect(errorsOf({ ...valid, telefonnummer: "4".repeat(101) })).toEqual({ telefonnummer: "radgivning:errors.telefonInvalid" });
  });

  it("says every field's error at once", () => {
    expect(errorsOf({ beskrivelse: "", kontaktmate: "TELEFON", telefonnummer: "123", kontakttid: "" })).toEqual({
      beskrivelse: "radgivning:errors.beskrivelseRequired",
      telefonnummer: "radgivning:errors.telefonInvalid",
    });
    expect(errorsOf({ beskrivelse: "", kontaktmate: "", telefonnummer: "123", kontakttid: "" })).toEqual({
      beskrivelse: "radgivning:errors.beskrivelseRequired",
      kontaktmate: "radgivning:errors.kontaktmateRequired",
    });
  });

  it("counts the text as the person sees it: line breaks as one, markup as text", () => {
    const text = `${"a".repeat(MAX_RADGIVNING_TEXT - 2)}\r\n<b>`.slice(0, MAX_RADGIVNING_TEXT + 1);
    expect(parseAdviceForm({ ...valid, beskrivelse: text }).ok).toBe(true);
    expect(parse({ ...valid, beskrivelse: "<script>x</script>" }).beskrivelse).toBe("<script>x</script>");
  });

  it("ignores an unknown call time instead of refusing the request", () => {
    expect(parse({ ...valid, kontakttid: "MIDNATT" }).kontakttid).toBeNull();
    expect(parse({ ...valid, kontakttid: "" }).kontakttid).toBeNull();
  });
});
