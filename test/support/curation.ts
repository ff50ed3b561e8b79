// Shared by the curation tests: a small deck whose facts every question kind can use, and a
// fetch helper that returns the status with the parsed envelope.
import type { RunningApp } from './app.js';

export const CURATION_NOTES = `# Networking

## DNS records

- A record: maps a host name to an IPv4 address
- AAAA record: maps a host name to an IPv6 address
- CNAME record: points one host name at another canonical host name
- MX record: names the mail servers that accept email for a domain
- TXT record: holds free text such as domain verification tokens
- NS record: lists the authoritative name servers of a zone

## Transport protocols

- TCP: a connection-oriented protocol with ordered, reliable delivery of bytes
- UDP: a connectionless protocol that sends datagrams without delivery guarantees
- QUIC: a transport protocol over UDP with built-in encryption and multiplexed streams
- SCTP: a message-oriented protocol supporting multiple streams per association

# Storage

## Disk types

- HDD: spinning magnetic platters read by a moving head
- SSD: flash memory storage with no moving parts and fast random reads
- NVMe: an interface that connects flash storage directly over PCI Express lanes
- Tape: sequential magnetic storage used for cheap long-term archives
`;

/** The generator's question as the preview route returns it (the fields the tests read). */
export interface Question {
  id: string;
  kind: string;
  prompt: string;
  options: string[];
  explanation: string;
  factId: string;
  termKey: string;
  sources: ({ factId: string } | null)[];
  termDisplay: string | null;
  bankFact: { term: string; fact: string } | null;
}

export interface Reply<T> {
  status: number;
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}

/** One request with the host secret (or `headers` instead); JSON body when given. */
export async function call<T = any>(
  server: RunningApp,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = server.hostHeaders,
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(server.baseUrl + url, init);
  const json = (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
  return { status: res.status, ...json };
}
