import { Heading, VStack } from "@navikt/ds-react";
import type { ReactNode } from "react";

/** A page's frame: the readable column and its one h1. */
export function Page({
  title,
  children,
  gap = "space-24",
  wide = false,
}: {
  title: ReactNode;
  children: ReactNode;
  gap?: "space-16" | "space-24" | "space-32";
  /** The contact centre's desktop pages: the whole width, in columns. */
  wide?: boolean;
}) {
  return (
    <div className={wide ? "page page-wide" : "page"}>
      <VStack gap={gap}>
        <Heading level="1" size="large">
          {title}
        </Heading>
        {children}
      </VStack>
    </div>
  );
}

/** A titled part of a page (h2), named by its heading for screen readers' landmarks. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading level="2" size="medium" spacing id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
