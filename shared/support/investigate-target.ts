/**
 * What a value seen anywhere in the app can be investigated as: an email
 * address, a Message-ID, a domain, an IP address or a template name. The key
 * a value sits under (`message-id`, `template`…) settles what the text alone
 * cannot, such as a bare word being a template name.
 */

export type InvestigateKind = 'address' | 'message-id' | 'domain' | 'ip' | 'template';

export interface InvestigateTarget {
  readonly kind: InvestigateKind;
  readonly value: string;
}

const ADDRESS = /^[^\s@<>"]+@([a-z0-9-]+\.)+[a-z]{2,}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^(?=.*:)[0-9a-f:]{2,39}$/i;
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const MESSAGE_ID_KEY = /(^|[-_.])message[-_]?id$/;
/** Mailgun's own Message-IDs (`<date>.<hex>@domain`), which also come back under a plain `id`. */
const MAILGUN_MESSAGE_ID = /^<?[^<>\s@]+\.[^<>\s@]+@[^<>\s]+>?$/;
const TEMPLATE_KEYS = new Set(['template', 'template_name', 'templatename']);
const FILE_SUFFIX = /\.(json|csv|html?|txt|png|jpe?g|gif|pdf|eml|js|ts)$/i;

function normalisedKey(key: string | null | undefined): string {
  return (key ?? '').trim().toLowerCase();
}

/** A display name and angle brackets are taken off: `Bob <bob@example.com>` is bob@example.com. */
function addressIn(text: string): string | null {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
  const candidate = (bracketed?.[1] ?? text).trim();
  return ADDRESS.test(candidate) ? candidate.toLowerCase() : null;
}

export function classifyValue(raw: string, key?: string | null): InvestigateTarget | null {
  const text = raw.trim();
  if (text === '' || text.length > 998) return null;
  const k = normalisedKey(key);
  const unbracketed = text.replace(/^<|>$/g, '');
  // A Message-ID looks like an address; its key, or its angle brackets, say which it is.
  const messageIdShaped = MESSAGE_ID_KEY.test(k) || /^<[^<>\s]+@[^<>\s]+>$/.test(text) || (k === 'id' && MAILGUN_MESSAGE_ID.test(text));
  if (messageIdShaped && unbracketed.includes('@')) return { kind: 'message-id', value: unbracketed };
  const address = addressIn(text);
  if (address !== null) return { kind: 'address', value: address };
  if (IPV4.test(text) || (IPV6.test(text) && text.split(':').length >= 3)) return { kind: 'ip', value: text };
  if (TEMPLATE_KEYS.has(k) && TEMPLATE_NAME.test(text)) return { kind: 'template', value: text.toLowerCase() };
  if (DOMAIN.test(text) && !FILE_SUFFIX.test(text) && !/^\d+(\.\d+)+$/.test(text)) return { kind: 'domain', value: text.toLowerCase() };
  return null;
}
