import { createServer, type Socket } from "node:net";

/*
 * A tiny in-process SMTP server for integration tests: plain text on 127.0.0.1, no STARTTLS, no
 * AUTH, no PIPELINING, just enough of RFC 5321 for nodemailer to deliver a message. Each message
 * is recorded before the final 250 is sent, so it is there as soon as `sendMail` resolves.
 */

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM), without angle brackets. */
  from: string;
  /** Envelope recipients (RCPT TO), without angle brackets. */
  to: string[];
  /** The message as transmitted between DATA and the terminating dot, dot-unstuffed, with CRLF line ends. */
  data: string;
}

export interface FakeSmtpServer {
  /** An SMTP_URL for nodemailer, such as smtp://127.0.0.1:40123. */
  url: string;
  messages: ReceivedMail[];
  /** Stops listening and drops any open connection. */
  close(): Promise<void>;
}

const HOSTNAME = "fake-smtp.test";

const addressIn = (argument: string) => /<([^>]*)>/.exec(argument)?.[1] ?? argument.trim();

/** Starts a server on a free port, or on `port` (the end-to-end server is told which one in advance). */
export async function start(port = 0): Promise<FakeSmtpServer> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A client that goes away mid-conversation is not the test's concern.
    socket.on("error", () => socket.destroy());
    serve(socket, messages);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the fake SMTP server has no TCP address");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function serve(socket: Socket, messages: ReceivedMail[]) {
  socket.setEncoding("utf8");
  const reply = (text: string) => socket.write(`${text}\r\n`);
  let buffer = "";
  let inData = false;
  let envelope: { from: string | null; to: string[] } = { from: null, to: [] };
  const resetEnvelope = () => {
    envelope = { from: null, to: [] };
  };

  const command = (line: string) => {
    const verb = (line.split(" ", 1)[0] ?? "").toUpperCase();
    const argument = line.slice(verb.length).trim();
    switch (verb) {
      case "EHLO":
        resetEnvelope();
        reply(`250-${HOSTNAME} greets ${argument || "you"}`);
        return reply("250 8BITMIME");
      case "HELO":
        resetEnvelope();
        return reply(`250 ${HOSTNAME}`);
      case "MAIL":
        if (!/^FROM:/i.test(argument)) return reply("501 Syntax: MAIL FROM:<address>");
        envelope = { from: addressIn(argument.slice(5)), to: [] };
        return reply("250 OK");
      case "RCPT":
        if (!/^TO:/i.test(argument)) return reply("501 Syntax: RCPT TO:<address>");
        if (envelope.from === null) return reply("503 MAIL first");
        envelope.to.push(addressIn(argument.slice(3)));
        return reply("250 OK");
      case "DATA":
        if (envelope.from === null || envelope.to.length === 0) return reply("503 RCPT first");
        inData = true;
        return reply("354 End data with <CR><LF>.<CR><LF>");
      case "RSET":
        resetEnvelope();
        return reply("250 OK");
      case "NOOP":
        return reply("250 OK");
      case "QUIT":
        reply(`221 ${HOSTNAME} closing`);
        return socket.end();
      default:
        return reply("502 Command not implemented");
    }
  };

  socket.on("data", (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        // The data ends with a line holding a single dot; it may also be empty (".\r\n" at once).
        const end = buffer.startsWith(".\r\n") ? 0 : buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        const raw = end === 0 ? "" : buffer.slice(0, end + 2);
        buffer = buffer.slice(end === 0 ? 3 : end + 5);
        inData = false;
        messages.push({
          from: envelope.from ?? "",
          to: envelope.to,
          data: raw.replace(/^\.\./gm, "."),
        });
        resetEnvelope();
        reply("250 OK: message accepted");
      } else {
        const end = buffer.indexOf("\r\n");
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        command(line);
      }
    }
  });

  reply(`220 ${HOSTNAME} ESMTP fake server for tests`);
}

/* Reading what was received, enough for the plain text mails nodemailer composes. */

/** The message's headers (names lower-cased), unfolded and with RFC 2047 encoded words decoded. */
export function headersOf(mail: Pick<ReceivedMail, "data">): Map<string, string> {
  const headerBlock = splitMessage(mail.data).head;
  const headers = new Map<string, string>();
  for (const line of headerBlock.replace(/\r\n(?=[ \t])/g, "").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** The body of a single-part message, with its Content-Transfer-Encoding undone. */
export function textOf(mail: Pick<ReceivedMail, "data">): string {
  const { body } = splitMessage(mail.data);
  const encoding = headersOf(mail).get("content-transfer-encoding")?.toLowerCase() ?? "7bit";
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function splitMessage(data: string) {
  const separator = data.indexOf("\r\n\r\n");
  if (separator < 0) return { head: data, body: "" };
  return { head: data.slice(0, separator), body: data.slice(separator + 4) };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/[ \t]+\r\n/g, "\r\n")
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1") // whitespace between adjacent encoded words is not part of the text
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, encoded: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(encoded, "base64").toString("utf8")
        : decodeQuotedPrintable(encoded.replace(/_/g, " ")),
    );
}
