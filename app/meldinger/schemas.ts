/** The message form's rules, on the server (the browser's counter and `required` only help). */
import { z } from "zod";
import { MAX_MELDING_TEXT } from "~/fagsystem/limits";
import { cleanMessageText } from "./text";

export const meldingFormSchema = z.object({
  tekst: z
    .string()
    .transform(cleanMessageText)
    .pipe(z.string().min(1, "meldinger:errors.tekstRequired").max(MAX_MELDING_TEXT, "meldinger:errors.tekstTooLong")),
});
