import { useNavigation } from "@remix-run/react";
import { ErrorSummary } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string | undefined>;

/**
 * The list of what must be fixed, linked to each field. It takes focus when it appears and
 * after every answer that still shows it (a second failed submit with the same errors), so
 * keyboard and screen-reader users land on it after a failed submit.
 */
export function FormErrorSummary({ errors, fieldIds }: { errors: FieldErrors | undefined; fieldIds?: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const signature = entries.map(([field, message]) => `${field}:${message}`).join("|");
  const answered = useNavigation().state === "idle";
  useEffect(() => {
    if (answered && signature) ref.current?.focus();
  }, [answered, signature]);
  if (entries.length === 0) return null;
  return (
    <ErrorSummary ref={ref} heading={t("forms.errorSummaryHeading")}>
      {entries.map(([field, message]) => (
        <ErrorSummary.Item key={field} href={`#${fieldIds?.[field] ?? field}`}>
          {message}
        </ErrorSummary.Item>
      ))}
    </ErrorSummary>
  );
}
