import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { isLanguage } from "~/i18n/languages";

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLanguage(params.lang)) throw new Response("Not Found", { status: 404 });
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}
