import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What a real mail server received, decoded enough to assert on. */
export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string; text: string; html: string };

export type SmtpSink = { url: string; received: ReceivedMail[]; rcptAttempts: number; close: () => Promise<void> };

/** An in-process SMTP server on 127.0.0.1 and a free port; `rejectRcpt` refuses every recipient with a 550. */
export async function startSmtpSink(opts: { rejectRcpt?: boolean } = {}): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, 'url' | 'close'> = { received: [], rcptAttempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    // No TLS on loopback: nodemailer would otherwise upgrade and refuse the self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      sink.rcptAttempts++;
      if (opts.rejectRcpt) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail = parseMime(raw);
        sink.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...mail,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  });
}

function splitHead(s: string): { headers: Partial<Record<string, string>>; body: string } {
  const at = s.indexOf('\r\n\r\n');
  const head = at < 0 ? s : s.slice(0, at);
  const headers: Partial<Record<string, string>> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: at < 0 ? '' : s.slice(at + 4) };
}

function qpBytes(s: string): Buffer {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return qpBytes(body).toString('utf8');
  return body;
}

/** RFC 2047 encoded words ("=?UTF-8?Q?re=C3=A7u?="), adjacent ones joined as the RFC says. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _cs, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qpBytes(data.replace(/_/g, ' ')).toString('utf8'),
    );
}

/** Subject, text and HTML of a multipart/alternative message (what nodemailer writes for text + html). */
function parseMime(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const out = { subject: decodeWords(headers.subject ?? ''), text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const p = splitHead(part.replace(/^\r\n/, ''));
    const decoded = decodeBody(p.body.replace(/\r\n$/, ''), p.headers['content-transfer-encoding']);
    if (/^text\/plain/i.test(p.headers['content-type'] ?? '')) out.text = decoded.replace(/\r\n/g, '\n');
    if (/^text\/html/i.test(p.headers['content-type'] ?? '')) out.html = decoded.replace(/\r\n/g, '\n');
  }
  return out;
}
