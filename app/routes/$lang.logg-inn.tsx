import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert, BodyLong, Button, Radio, RadioGroup, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { identityProvider, listTestUsers, loginApplicant, requireMocks } from "~/auth/login.server";
import { startProviderLogin } from "~/auth/provider-login.server";
import { safeReturnPath } from "~/auth/auth.server";
import { readForm } from "~/request-body.server";
import { FagsystemError } from "~/fagsystem/client.server";
import { rateLimits } from "~/rate-limit.server";
import { ageOn } from "~/i18n/format";
import { FormErrorSummary } from "~/shell/FormErrorSummary";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { Page } from "~/shell/Page";
import { logFor } from "~/log.server";

const log = logFor("login");

export const meta: MetaFunction = (args) => pageTitle(args, "auth:testLogin.title", { errors: actionDataOf<{ error?: string }>(args)?.error === "choose" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A real deployment has no page of its own here: the browser goes straight to ID-porten.
  if (identityProvider() === "oidc") throw await startProviderLogin(request, "idporten", { lang: params.lang, clientAddress: context.clientAddress });
  requireMocks();
  try {
    const users = await listTestUsers();
    const today = new Date();
    return { users: users.map((user) => ({ id: user.id, fnr: user.fnr, name: user.name, age: ageOn(user.birthDate, today) })), unavailable: false };
  } catch (error) {
    log.error({ err: error }, "test users unavailable");
    return { users: [], unavailable: true };
  }
}

const loginSchema = z.object({ fnr: z.string().regex(/^\d{11}$/), returnTo: z.string().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireMocks();
  await rateLimits().check(["login-address", context.clientAddress]);
  const form = Object.fromEntries(await readForm(request, "small"));
  const parsed = loginSchema.safeParse(form);
  if (!parsed.success) return data({ error: "choose" as const }, { status: 400 });
  await rateLimits().check(["login-person", parsed.data.fnr]);
  const users = await listTestUsers().catch(() => null);
  if (!users) return data({ error: "unavailable" as const }, { status: 503 });
  if (!users.some((user) => user.fnr === parsed.data.fnr)) return data({ error: "choose" as const }, { status: 400 });
  try {
    const cookie = await loginApplicant(request, parsed.data.fnr);
    return redirect(safeReturnPath(parsed.data.returnTo, `/${params.lang}`), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof FagsystemError) {
      log.error({ err: error }, "person lookup failed");
      return data({ error: "unavailable" as const }, { status: 503 });
    }
    throw error;
  }
}

export default function TestLogin() {
  const { t } = useTranslation("auth");
  const { users, unavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const chooseError = actionData?.error === "choose" ? t("testLogin.chooseError") : undefined;
  return (
    <Page title={t("testLogin.title")}>
      <Alert variant="warning">{t("testLogin.mockNotice")}</Alert>
      {unavailable || actionData?.error === "unavailable" ? <Alert variant="error">{t("testLogin.unavailable")}</Alert> : null}
      <FormErrorSummary errors={{ fnr: chooseError }} fieldIds={{ fnr: "test-user" }} />
      <Form method="post">
        <VStack gap="space-24">
          <input type="hidden" name="returnTo" value={searchParams.get("returnTo") ?? ""} />
          <RadioGroup legend={t("testLogin.legend")} name="fnr" error={chooseError}>
            {users.map((user, index) => (
              <Radio
                key={user.fnr}
                value={user.fnr}
                id={index === 0 ? "test-user" : undefined}
                description={`${t("testLogin.age", { age: user.age })} · ${t(`testUsers.${user.id}`, { defaultValue: "" })}`}
              >
                {user.name}
              </Radio>
            ))}
          </RadioGroup>
          <BodyLong size="small">{t("testLogin.fnrNotShown")}</BodyLong>
          <div>
            <Button type="submit">{t("testLogin.submit")}</Button>
          </div>
        </VStack>
      </Form>
    </Page>
  );
}
