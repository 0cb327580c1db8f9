import { Meta } from "@remix-run/react";
import { useContext, useMemo } from "react";
// Remix's own <Meta /> reads the router's state from this context; Remix re-exports most of
// react-router-dom but not it (react-router-dom is a dependency of @remix-run/react).
import { UNSAFE_DataRouterStateContext as RouterStateContext } from "react-router-dom";
import { ACTION_DATA } from "./meta";

/**
 * Remix's <Meta />, with one addition: the meta functions can see the action's answer
 * (`actionDataOf` in meta.ts). Remix hands them loader data only (remix-run/remix#3534 was
 * closed without being merged), but the errors of a failed submit are the action's answer,
 * and while the page shows the error summary its title starts with "Feil: ". The router's state
 * holds that answer on the server (a submit without JavaScript) as in the browser, so the
 * title is right in the first HTML and after every submit with JavaScript.
 * docs/decisions/020-focus-after-navigation.md
 */
export function PageMeta() {
  const state = useContext(RouterStateContext);
  const withActionData = useMemo(() => {
    const root = state?.loaderData.root as object | undefined;
    if (!state || !root || !state.actionData) return state;
    return { ...state, loaderData: { ...state.loaderData, root: { ...root, [ACTION_DATA]: state.actionData } } };
  }, [state]);
  return (
    <RouterStateContext.Provider value={withActionData}>
      <Meta />
    </RouterStateContext.Provider>
  );
}
