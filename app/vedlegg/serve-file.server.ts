import type { Dokument } from "~/fagsystem/client.server";

/**
 * A file from the dokumentlager as the portal hands it on: only PDFs and images are shown in the
 * browser, anything else is a download of bytes (a browser never runs it as a page); never kept
 * in a cache, under a name that says only what it is (`<prefix>-<start of the id>.<type>`).
 */
export function fileResponse(dokument: Dokument, fileId: string, options: { prefix: string; download: boolean }): Response {
  const type = dokument.contentType.split(";")[0]!.trim().toLowerCase();
  const viewable = type === "application/pdf" || type === "image/jpeg" || type === "image/png";
  const extension = type === "application/pdf" ? "pdf" : type === "image/jpeg" ? "jpg" : type === "image/png" ? "png" : "bin";
  return new Response(Buffer.from(dokument.bytes), {
    headers: {
      "Content-Type": viewable ? type : "application/octet-stream",
      "Content-Disposition": `${viewable && !options.download ? "inline" : "attachment"}; filename="${options.prefix}-${fileId.slice(0, 8)}.${extension}"`,
      "Content-Length": String(dokument.bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
