import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, Button, Radio, RadioGroup, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { identityProvider, listStaffTestUsers, loginStaff, requireMocks } from "~/auth/login.server";
import { staffReturnPath, startProviderLogin } from "~/auth/provider-login.server";
import { rateLimits } from "~/rate-limit.server";
import { readForm } from "~/request-body.server";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "auth:staffLogin.title", { errors: actionDataOf<{ error?: string }>(args)?.error === "choose" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A real deployment sends staff straight to Entra ID.
  if (identityProvider() === "oidc") throw await startProviderLogin(request, "entra", { lang: params.lang, clientAddress: context.clientAddress });
  requireMocks();
  const users = await listStaffTestUsers().catch(() => null);
  return { users: users ?? [], unavailable: users === null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMocks();
  await rateLimits().check(["staff-login-address", context.clientAddress]);
  const parsed = z.object({ navIdent: z.string().regex(/^[A-Z]\d{6}$/), returnTo: z.string().optional() }).safeParse(Object.fromEntries(await readForm(request, "small")));
  if (parsed.success) await rateLimits().check(["staff-login-person", parsed.data.navIdent]);
  const users = await listStaffTestUsers().catch(() => null);
  if (!users) return data({ error: "unavailable" as const }, { status: 503 });
  const user = parsed.success ? users.find((candidate) => candidate.navIdent === parsed.data.navIdent) : undefined;
  if (!user) return data({ error: "choose" as const }, { status: 400 });
  const cookie = await loginStaff(request, user);
  return redirect(staffReturnPath(parsed.data?.returnTo, params.lang ?? "nb"), { headers: { "Set-Cookie": cookie } });
}

export default function StaffLogin() {
  const { t } = useTranslation("auth");
  const { users, unavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const chooseError = actionData?.error === "choose" ? t("staffLogin.chooseError") : undefined;
  return (
    <Page title={t("staffLogin.title")}>
      <Alert variant="warning">{t("testLogin.mockNotice")}</Alert>
      {unavailable || actionData?.error === "unavailable" ? <Alert variant="error">{t("testLogin.unavailable")}</Alert> : null}
      <FormErrorSummary errors={{ navIdent: chooseError }} fieldIds={{ navIdent: "staff-user" }} />
      <Form method="post">
        <input type="hidden" name="returnTo" value={searchParams.get("returnTo") ?? ""} />
        <VStack gap="space-24">
          <RadioGroup legend={t("staffLogin.legend")} name="navIdent" error={chooseError}>
            {users.map((user, index) => (
              <Radio key={user.navIdent} value={user.navIdent} id={index === 0 ? "staff-user" : undefined} description={user.navIdent}>
                {user.name}
              </Radio>
            ))}
          </RadioGroup>
          <div>
            <Button type="submit">{t("testLogin.submit")}</Button>
          </div>
        </VStack>
      </Form>
    </Page>
  );
}
