import { createSocket } from 'node:dgram';

/**
 * A tiny DNS server for tests: answers TXT questions over UDP from a table the test fills,
 * NXDOMAIN for names it does not know. Enough for node:dns's
 * resolveTxt (c-ares) pointed at it through DNS_SERVERS.
 */
export type DnsStub = {
  /** `127.0.0.1:<port>`, for DNS_SERVERS. */
  address: string;
  setTxt: (name: string, values: string[]) => void;
  close: () => Promise<void>;
};

const TYPE_TXT = 16;
const RCODE = { ok: 0, formErr: 1, nxDomain: 3 };

/** The question's name (lower-cased) and where the question section ends. */
function readQuestion(msg: Buffer): { name: string; type: number; end: number } | null {
  let at = 12;
  const labels: string[] = [];
  while (at < msg.length) {
    const len = msg[at];
    if (len === 0) break;
    if (len > 63 || at + 1 + len > msg.length) return null;
    labels.push(msg.subarray(at + 1, at + 1 + len).toString('latin1'));
    at += 1 + len;
  }
  if (at + 5 > msg.length) return null;
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(at + 1), end: at + 5 };
}

function txtRdata(value: string): Buffer {
  // A TXT record is a series of ≤255-byte strings, each prefixed by its length.
  const bytes = Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const part = bytes.subarray(i, i + 255);
    chunks.push(Buffer.from([part.length]), part);
  }
  return Buffer.concat(chunks);
}

function answer(query: Buffer, records: Map<string, string[]>): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const rd = query[2] & 0x01;
  const q = query.length >= 12 && query.readUInt16BE(4) === 1 ? readQuestion(query) : null;
  const question = q ? query.subarray(12, q.end) : Buffer.alloc(0);
  const values = q ? records.get(q.name) : undefined;
  // A known name asked for another type: no error, no answers (NODATA).
  const rcode = !q ? RCODE.formErr : values ? RCODE.ok : RCODE.nxDomain;
  const answers = q?.type === TYPE_TXT ? (values ?? []) : [];
  header[2] = 0x80 | 0x04 | rd; // QR, AA, RD copied
  header[3] = 0x80 | rcode; // RA
  header.writeUInt16BE(q ? 1 : 0, 4);
  header.writeUInt16BE(answers.length, 6);
  const rrs = answers.map((value) => {
    const rdata = txtRdata(value);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    rr.writeUInt16BE(TYPE_TXT, 2);
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(5, 6); // TTL
    rr.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([rr, rdata]);
  });
  return Buffer.concat([header, question, ...rrs]);
}

export async function startDnsStub(): Promise<DnsStub> {
  const records = new Map<string, string[]>();
  const socket = createSocket('udp4');
  socket.on('message', (msg, peer) => {
    if (msg.length < 12) return;
    socket.send(answer(msg, records), peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      resolve();
    });
  });
  return {
    address: `127.0.0.1:${socket.address().port}`,
    setTxt: (name, values) => {
      records.set(name.toLowerCase(), values);
    },
    close: () =>
      new Promise((resolve) => {
        socket.close(() => {
          resolve();
        });
      }),
  };
}
