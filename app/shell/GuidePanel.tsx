// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import { GuidePanel as AkselGuidePanel, type GuidePanelProps } from "@navikt/ds-react";

/** Marks the speech bubble's tail as decoration; React never sets these attributes, so it keeps them. */
function hideTail(panel: HTMLDivElement | null) {
  for (const tail of panel?.querySelectorAll("svg.aksel-guide-panel__tail") ?? []) {
    tail.setAttribute("aria-hidden", "true");
    tail.setAttribute("focusable", "false");
  }
}

/**
 * Aksel's GuidePanel, the portal's only way to use it. Aksel 8.15 draws the speech bubble's tail
 * as an <svg> with neither a name nor aria-hidden, which assistive technology exposes as an
 * unnamed image (WCAG 1.1.1), and the panel passes no props to it, so the attribute is set when
 * the panel is in the page (also when the server's HTML is hydrated). Without JavaScript the tail
 * stays as Aksel renders it. Remove this once Aksel hides the tail itself:
 * docs/aksel-upstream-guidepanel.md
 */
export function GuidePanel(props: Omit<GuidePanelProps, "ref">) {
  return <AkselGuidePanel {...props} ref={hideTail} />;
}
