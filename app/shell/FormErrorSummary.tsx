import { ErrorSummary } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string | undefined>;

/**
 * The list of what must be fixed, linked to each field. It takes focus when it appears,
 * so keyboard and screen-reader users land on it after a failed submit.
 */
export function FormErrorSummary({ errors, fieldIds }: { errors: FieldErrors | undefined; fieldIds?: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const signature = entries.map(([field, message]) => `${field}:${message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
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
