/** The person's requests for advice with their state, and the text of one as it was written. */
import { BodyLong, BodyShort, Tag, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import type { AdviceRequestView } from "./radgivning.server";

export function AdviceRequestList({ requests }: { requests: AdviceRequestView[] }) {
  const { t } = useTranslation("radgivning");
  return (
    <VStack as="ul" gap="space-16" className="advice-list">
        {requests.map((request) => (
          <li key={request.id}>
            <VStack gap="space-4">
              <BodyShort weight="semibold">{t("list.sent", { time: request.receivedAt, office: request.office })}</BodyShort>
              <div>
                <Tag variant={request.state === "KONTAKTET" ? "success" : "info"} size="small">
                  {t(`list.state.${request.state}`)}
                </Tag>
              </div>
              <BodyShort size="small">{t("list.contact", { how: t(`list.how.${request.contactWay}`) })}</BodyShort>
              {request.contactedAt ? <BodyShort size="small">{t("list.contactedAt", { time: request.contactedAt })}</BodyShort> : null}
            </VStack>
          </li>
        ))}
    </VStack>
  );
}

export function AdviceText({ text }: { text: string }) {
  return <BodyLong className="advice-text">{text}</BodyLong>;
}
