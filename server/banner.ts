// The start-up banner: where players join and the one-click host link.
import os from 'node:os';

export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export function startBanner(opts: { port: number; hostToken: string; db: string; publicUrl?: string }): string {
  const local = `http://localhost:${opts.port}`;
  const lan = lanAddresses().map((ip) => `http://${ip}:${opts.port}`);
  const base = opts.publicUrl ?? lan[0] ?? local;
  const lines = [
    '',
    `  Quiz night is running (database: ${opts.db}).`,
    '',
    `  Players join at:  ${local}`,
    ...(opts.publicUrl ? [`                    ${opts.publicUrl}`] : []),
    ...lan.map((url) => `                    ${url}   (same Wi-Fi / LAN)`),
    '',
    `  Host screen:      ${base}/host#host=${opts.hostToken}`,
    '  (keep the host link to yourself: it carries the host secret)',
    '',
  ];
  return lines.join('\n');
}
