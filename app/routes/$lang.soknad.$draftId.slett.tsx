import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BodyLong, Button, HStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { requireApplicant } from "~/auth/auth.server";
import { readForm } from "~/request-body.server";
import { deleteDraft, findDraft } from "~/soknad/drafts.server";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { LinkButton } from "~/shell/LinkButton";
import { pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "soknad:delete.title");

/** A confirmation page, so deleting works the same without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findDraft(applicant.fnr, params.draftId ?? "");
  if (!draft || draft.submittedAt) throw new Response("Not Found", { status: 404 });
  return { draftId: draft.id, updatedAt: draft.updatedAt.toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  await readForm(request, "small"); // no fields, but a body that is refused deletes nothing
  if (!(await deleteDraft(applicant.fnr, params.draftId ?? ""))) throw new Response("Not Found", { status: 404 });
  return redirect(`/${params.lang}?slettet=1`);
}

export default function DeleteDraft() {
  const { t } = useTranslation("soknad");
  const { draftId, updatedAt } = useLoaderData<typeof loader>();
  const language = useLanguage();
  const format = useFormat();
  return (
    <Page title={t("delete.title")}>
      <BodyLong>{t("delete.body", { date: format.date(updatedAt) })}</BodyLong>
      <Form method="post">
        <HStack gap="space-16" wrap>
          <Button type="submit" variant="danger">
            {t("delete.confirm")}
          </Button>
          <LinkButton to={`/${language}/soknad/${draftId}`} variant="secondary">
            {t("delete.cancel")}
          </LinkButton>
        </HStack>
      </Form>
    </Page>
  );
}
