import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, BodyShort, Button, HStack, TextField, VStack } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/auth.server";
import { search, type SearchAnswer } from "~/nks/nks.server";
import { AuditUnavailableAlert, Refused } from "~/nks/NksParts";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) =>
  pageTitle(args, "nks:search.title", {
    errors: actionDataOf<SearchAnswer>(args)?.kind === "invalid",
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { name: staff.name, navIdent: staff.navIdent };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return search(request, params.lang ?? "nb");
}

/** The search: one field, focused on arrival, Enter to search; the number goes in a POST body only. */
export default function StaffSearch() {
  const { t } = useTranslation("nks");
  const staff = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const error = answer?.kind === "invalid" ? t(`search.errors.${answer.error}`) : undefined;
  const field = useRef<HTMLInputElement>(null);
  // After a refusal the field is empty and ready for the next caller, with JavaScript as without it.
  useEffect(() => {
    if (answer?.kind !== "refused" || !field.current) return;
    field.current.value = "";
    field.current.focus();
  }, [answer]);
  return (
    <Page title={t("search.title")} gap="space-16">
      <BodyShort>{t("loggedInAs", { name: staff.name, navIdent: staff.navIdent })}</BodyShort>
      {/* Always there, so the answer to a search made with JavaScript is read out where focus stays. */}
      <div aria-live="polite">
        {answer?.kind === "refused" ? <Refused /> : null}
        {answer?.kind === "audit-unavailable" ? <AuditUnavailableAlert /> : null}
        {answer?.kind === "unavailable" ? <Alert variant="error">{t("search.unavailable")}</Alert> : null}
      </div>
      <FormErrorSummary errors={{ fnr: error }} fieldIds={{ fnr: "fnr" }} />
      <BodyLong>{t("search.intro")}</BodyLong>
      <Form method="post" autoComplete="off">
        <VStack gap="space-16">
          <HStack gap="space-16" align="end" wrap>
            <TextField
              id="fnr"
              name="fnr"
              label={t("search.label")}
              description={t("search.description")}
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              htmlSize={16}
              maxLength={40}
              // The field is the page's purpose: a caller is waiting. Not after a wrong number: then the error summary has focus.
              autoFocus={!error}
              ref={field}
              defaultValue={answer && "value" in answer ? answer.value : ""}
              error={error}
            />
            <div>
              <Button type="submit">{t("search.submit")}</Button>
            </div>
          </HStack>
        </VStack>
      </Form>
    </Page>
  );
}
