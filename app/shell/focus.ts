/**
 * Moves focus to `element`. One that is not a control (a heading, a message) is made focusable
 * by script only (tabindex="-1"), so it does not join the Tab order, and marked for its focus
 * style (app.css: a ring for keyboard use only). False when there is none.
 */
export function focusOn(element: HTMLElement | null | undefined, options?: FocusOptions): boolean {
  if (!element) return false;
  if (!element.hasAttribute("tabindex") && element.tabIndex < 0) {
    element.setAttribute("tabindex", "-1");
    element.dataset.focusTarget = "";
  }
  element.focus(options);
  return document.activeElement === element;
}
