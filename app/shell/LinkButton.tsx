import { Link as RemixLink } from "@remix-run/react";
import { Button, type ButtonProps } from "@navikt/ds-react";

/**
 * A link that looks like a button. Aksel gives every non-<button> Button role="button";
 * this one navigates, so screen readers must hear "link".
 */
export function LinkButton({ to, ...props }: Omit<ButtonProps, "as" | "role"> & { to: string }) {
  return <Button as={RemixLink} to={to} role={undefined} {...props} />;
}
