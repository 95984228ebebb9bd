import { randomBytes } from 'node:crypto';
import type { SandboxRegion } from '../shared/sandbox/constants';
import { headerList } from './resources/stored-messages';
import type { Domain, SandboxState, StoredMessage } from './state';

/**
 * The sandbox's accepted messages as a mail viewer sees them: newest first,
 * each with its parts, and as MIME. Only the account's own regions are
 * listed; subaccounts keep theirs apart as Mailgun does.
 */

export interface MailboxEntry {
  readonly region: SandboxRegion;
  readonly domain: Domain;
  readonly message: StoredMessage;
}

function live(domain: Domain, now: number): StoredMessage[] {
  return domain.stored.filter((m) => m.storedAt + domain.message_ttl * 1000 > now);
}

export function listMailbox(state: SandboxState, now: number): MailboxEntry[] {
  const entries: MailboxEntry[] = [];
  for (const region of ['us', 'eu'] as const) {
    for (const domain of state.regions[region].domains) {
      for (const message of live(domain, now)) entries.push({ region, domain, message });
    }
  }
  return entries.sort((a, b) => b.message.storedAt - a.message.storedAt);
}

export function findInMailbox(
  state: SandboxState,
  region: SandboxRegion,
  domainName: string,
  key: string,
  now: number,
): MailboxEntry | null {
  const domain = state.regions[region].domains.find((d) => d.name === domainName.toLowerCase());
  const message = domain ? live(domain, now).find((m) => m.key === key) : undefined;
  return domain && message ? { region, domain, message } : null;
}

function base64Lines(data: string): string {
  return data.replace(/.{1,76}/g, '$&\r\n');
}

function headerBlock(headers: readonly (readonly [string, string])[]): string {
  // A header value must not break the block: folded newlines would start a header of their own.
  return headers.map(([name, value]) => `${name}: ${value.replace(/\r?\n/g, ' ')}\r\n`).join('');
}

/** The message as MIME: what messages.mime was given, or built from the parts that were posted. */
export function mimeOf(message: StoredMessage, boundarySeed: () => string = () => randomBytes(12).toString('hex')): string {
  if (message.mime !== null) return message.mime;
  const headers = headerList(message).filter(([name]) => !/^(content-type|mime-version)$/i.test(name));
  const textPart = (type: string, body: string) =>
    `Content-Type: ${type}; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${body}\r\n`;
  const parts: string[] = [];
  if (message.text !== '') parts.push(textPart('text/plain', message.text));
  if (message.html !== '') parts.push(textPart('text/html', message.html));
  let content: string;
  if (parts.length <= 1) {
    content = parts[0] ?? textPart('text/plain', '');
  } else {
    const boundary = `alt-${boundarySeed()}`;
    content = `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n${parts.map((part) => `--${boundary}\r\n${part}`).join('')}--${boundary}--\r\n`;
  }
  if (message.attachments.length > 0) {
    const boundary = `mixed-${boundarySeed()}`;
    const files = message.attachments.map((a) => {
      const head = `Content-Type: ${a.contentType}; name="${a.filename.replace(/["\r\n]/g, '_')}"\r\nContent-Disposition: attachment; filename="${a.filename.replace(/["\r\n]/g, '_')}"\r\n`;
      return a.data === null
        ? `--${boundary}\r\n${head}X-Sandbox-Note: ${a.size} bytes, too large for the sandbox to keep\r\n\r\n`
        : `--${boundary}\r\n${head}Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(a.data)}`;
    });
    content = `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${content}${files.join('')}--${boundary}--\r\n`;
  }
  return `${headerBlock(headers)}Mime-Version: 1.0\r\n${content}`;
}
