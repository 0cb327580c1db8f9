import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { focusOn } from "./focus";

const MAIN_ID = "maincontent";

/** The new page's h1, or else the main landmark. */
function pageFocusTarget(): HTMLElement | null {
  const main = document.getElementById(MAIN_ID);
  return main?.querySelector<HTMLElement>("h1") ?? main;
}

const focusIsLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * One behaviour for every page, after every client-side navigation (Remix renders the next page
 * in place, so the browser neither announces it nor resets focus):
 *
 * - To another page (the path changed): focus goes to the new page's h1, which a screen reader
 *   reads out: that is the announcement. If the new page has already put focus somewhere of its
 *   own (the error summary), it stays there; an element that merely kept its focus across the
 *   navigation (a link in a page React reused) does not count.
 * - On the same page (only the query or the hash changed, or a submit was answered without a
 *   redirect, such as a failed "Neste" or an upload): focus stays where it is or where the page
 *   put it (the error summary, an upload's result). Only if it was lost to <body> (its button was
 *   disabled while the submit ran, or removed) does it go to the h1.
 *
 * Pages put their own focus in effects of their own, which React runs before this one (it is
 * rendered after <main>). Focus never scrolls, so Remix's scroll restoration (the top of a new
 * page, the old position on Back and Forward) stays as it is.
 * docs/decisions/020-focus-after-navigation.md
 */
export function FocusAfterNavigation() {
  const location = useLocation();
  const navigation = useNavigation();
  const shown = useRef<{ key: string; pathname: string } | null>(null);
  const focusedAtStart = useRef<Element | null>(null);
  useEffect(() => {
    if (navigation.state !== "idle" && !focusedAtStart.current) focusedAtStart.current = document.activeElement;
  }, [navigation.state]);
  useEffect(() => {
    const before = shown.current;
    const kept = focusedAtStart.current;
    shown.current = { key: location.key, pathname: location.pathname };
    focusedAtStart.current = null;
    // The first page: the browser has announced it and starts at its top. (The same location
    // again is React's development-mode second run of the effect.)
    if (before === null || before.key === location.key) return;
    const samePage = before.pathname === location.pathname;
    const main = document.getElementById(MAIN_ID);
    const active = document.activeElement;
    const placedByPage = !focusIsLost() && active !== kept && main !== null && active !== main && main.contains(active);
    if (samePage ? !focusIsLost() : placedByPage) return;
    focusOn(pageFocusTarget(), { preventScroll: true });
  }, [location.key, location.pathname]);
  return null;
}
