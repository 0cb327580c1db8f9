import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Heading, Link, List } from "@navikt/ds-react";
import type { ReactNode } from "react";
import type { Marker, ResolvedBlock, ResolvedInline } from "./markdown";

function InlineContent({ content }: { content: readonly ResolvedInline[] }) {
  return (
    <>
      {content.map((part, index) => {
        if (part.type === "strong") return <strong key={index}>{part.text}</strong>;
        if (part.type === "text") return part.text;
        return part.external ? (
          <Link key={index} href={part.href}>
            {part.text}
          </Link>
        ) : (
          <Link key={index} as={RemixLink} to={part.href}>
            {part.text}
          </Link>
        );
      })}
    </>
  );
}

/**
 * A guide page's prose, from the parsed tree (markdown.ts): React makes every element, so text in
 * the prose is only ever text. A marker is replaced by what `marker` renders for it.
 */
export function GuideProse({ blocks, marker }: { blocks: readonly ResolvedBlock[]; marker: (name: Marker) => ReactNode }) {
  return (
    <div className="guide-prose">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "heading":
            return (
              <Heading key={index} level={String(block.level) as "2" | "3"} size={block.level === 2 ? "medium" : "small"} spacing>
                {block.text}
              </Heading>
            );
          case "paragraph":
            return (
              <BodyLong key={index} spacing>
                <InlineContent content={block.content} />
              </BodyLong>
            );
          case "list":
            return (
              <List key={index} as={block.ordered ? "ol" : "ul"}>
                {block.items.map((item, itemIndex) => (
                  <List.Item key={itemIndex}>
                    <InlineContent content={item} />
                  </List.Item>
                ))}
              </List>
            );
          case "marker":
            return <div key={index}>{marker(block.name)}</div>;
        }
      })}
    </div>
  );
}

GuideProse.Inline = InlineContent;
