/**
 * Requests a browser or Playwright's client would not send: any method, a body sent in chunks
 * (no Content-Length) or as a stream that stops when the answer comes, and raw bytes on a socket
 * (header values, framing). Used by the security and hostile-input specs.
 */
import http from "node:http";
import net from "node:net";

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number };

/**
 * A request through Node's HTTP client. `body` as one buffer goes with a Content-Length unless
 * `chunked`; `streamBytes` sends that many bytes of `a` in 64 kB pieces and stops as soon as the
 * answer comes, as curl and browsers do with an early answer.
 */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean; streamBytes?: number; declaredLength?: number },
): Promise<RawAnswer> {
  const target = new URL(url);
  // No "Connection: close": Node's server then destroys the socket as soon as the answer is out, and a
  // client still sending (a refused body) gets a reset instead of the answer. A browser or curl keeps the
  // connection, the server reads the rest of the body away (discardUnreadBody), and the answer arrives;
  // the request is destroyed once its answer has come.
  const headers: Record<string, string> = { ...options.headers };
  const body = typeof options.body === "string" ? Buffer.from(options.body) : options.body;
  if (options.declaredLength !== undefined) headers["Content-Length"] = String(options.declaredLength);
  else if (body && !options.chunked) headers["Content-Length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? "POST", headers });
    let sentBytes = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8"), sentBytes });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url} in 60 s`)));
    if (options.streamBytes !== undefined) {
      const piece = Buffer.alloc(64 * 1024, "a");
      const total = options.streamBytes;
      const write = () => {
        while (!answered && sentBytes < total) {
          const next = piece.subarray(0, Math.min(piece.length, total - sentBytes));
          sentBytes += next.length;
          if (!request.write(next)) return void request.once("drain", write);
        }
        if (!answered) request.end();
      };
      write();
    } else if (body && options.chunked) {
      // Several chunks, so the server cannot take the body as one piece.
      for (let at = 0; at < body.length; at += 4096) request.write(body.subarray(at, at + 4096));
      sentBytes = body.length;
      request.end();
    } else {
      sentBytes = body?.length ?? 0;
      request.end(body);
    }
  });
}

export type SocketAnswer = { status: number | null; head: string; body: string };

/** Exactly these bytes on a new connection; what came back until the server closed it (or 20 s). */
export function sendBytes(port: number, bytes: Buffer): Promise<SocketAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split < 0 ? text : text.slice(0, split);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      resolve({ status: status ? Number(status) : null, head, body: Buffer.from(split < 0 ? "" : text.slice(split + 4), "latin1").toString("utf8") });
    };
    socket.setTimeout(20_000, () => socket.destroy());
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", done);
    socket.on("error", () => {}); // a reset still closes: what came is the answer
    socket.write(bytes);
  });
}
