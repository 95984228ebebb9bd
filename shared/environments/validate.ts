import { type EnvironmentInput, environmentColours, environmentLimits, type FieldError, keyKinds, regions } from './types';

/**
 * Checks shared by the renderer (inline form errors) and main (the final word
 * before anything is stored). Each check returns a message written for the
 * person filling in the form; none of them ever repeats an API key back.
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** C0 and C1 control characters, checked by code so the pattern needs no raw control characters. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
const dnsLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const dottedIpv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function valid<T>(value: T): Checked<T> {
  return { ok: true, value };
}

function invalid(message: string): Checked<never> {
  return { ok: false, message };
}

/**
 * Accepts internationalised names and returns the ASCII (punycode), lower-case
 * form Mailgun uses. The WHATWG URL parser does the IDNA mapping; it exists in
 * both Node and the renderer, so no hand-written punycode is needed.
 */
export function normaliseDomain(input: string): Checked<string> {
  const raw = input.trim();
  if (raw === '') return invalid('Enter a domain name, such as mg.example.com.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return invalid('Enter only the domain name, without https:// in front.');
  if (raw.length > environmentLimits.domainMax * 4) return invalid('This domain name is too long.');
  if (hasControlCharacter(raw) || /[\s/\\?#@:%*,;"'<>[\]]/.test(raw)) {
    return invalid('A domain name holds only letters, digits, hyphens and dots: no spaces, path, port or other symbols.');
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}`).hostname;
  } catch {
    return invalid('This is not a valid domain name.');
  }
  if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  if (dottedIpv4.test(hostname) || hostname.startsWith('[')) return invalid('Enter a domain name, not an IP address.');
  if (hostname.length > environmentLimits.domainMax) return invalid('A domain name can be at most 253 characters long.');
  const labels = hostname.split('.');
  if (labels.length < 2) return invalid('Enter the full domain name, such as mg.example.com.');
  for (const label of labels) {
    if (!dnsLabel.test(label)) {
      return invalid(
        label.length > 63
          ? 'Each part of a domain name between dots can be at most 63 characters long.'
          : 'Each part between dots must be letters, digits or inner hyphens, and not empty.',
      );
    }
  }
  return valid(hostname);
}

/** Loopback is the one place plain http is acceptable: the traffic never leaves the machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Returns the URL without a trailing slash, so paths can be appended directly. */
export function validateBaseUrl(input: string): Checked<string> {
  const raw = input.trim();
  if (raw === '') return invalid('Enter the base URL of your proxy or server, such as https://mailgun-proxy.example.com.');
  if (raw.length > environmentLimits.baseUrlMax) return invalid('This URL is too long.');
  if (hasControlCharacter(raw) || /\s/.test(raw)) return invalid('A URL cannot contain spaces or control characters.');
  if (!URL.canParse(raw)) return invalid('Enter a full URL that starts with https://.');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid('Only https:// URLs can be used.');
  if (url.hostname === '') return invalid('The URL needs a host name.');
  if (url.search !== '') return invalid('Leave out the query string (the part after ?).');
  // The URL type shared code sees has no username/password/hash members, so
  // anything beyond origin + path means credentials or a fragment slipped in.
  if (url.href !== `${url.origin}${url.pathname}`)
    return invalid('Leave out user names, passwords and # fragments; the API key is stored separately.');
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return invalid('Plain http:// is only allowed for this computer (localhost, 127.x.x.x or ::1). Use https:// for anything else.');
  }
  return valid(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** Surrounding whitespace (a pasted newline) is trimmed; anything else odd is refused. */
export function validateApiKey(input: string): Checked<string> {
  const key = input.trim();
  if (key === '') return invalid('Enter the API key.');
  if (key.length > environmentLimits.apiKeyMax) return invalid(`An API key can be at most ${environmentLimits.apiKeyMax} characters long.`);
  if (/\s/.test(key)) return invalid('An API key cannot contain spaces or line breaks.');
  if (hasControlCharacter(key)) return invalid('An API key cannot contain control characters.');
  if (!/^[\x21-\x7e]+$/.test(key)) return invalid('An API key contains only plain ASCII letters, digits and symbols.');
  return valid(key);
}

/**
 * The last four characters, shown so people can tell keys apart. Short keys
 * get none: four characters of a short secret give away too much of it.
 */
export function keyLast4(key: string): string | null {
  return key.length >= 12 ? key.slice(-4) : null;
}

export function validateName(input: string): Checked<string> {
  const name = input.trim();
  if (name === '') return invalid('Give the environment a name.');
  if (name.length > environmentLimits.nameMax) return invalid(`A name can be at most ${environmentLimits.nameMax} characters long.`);
  if (hasControlCharacter(name)) return invalid('A name cannot contain control characters.');
  return valid(name);
}

/** Empty means "no subaccount". */
export function validateSubaccountId(input: string): Checked<string | undefined> {
  const id = input.trim();
  if (id === '') return valid(undefined);
  if (id.length > environmentLimits.subaccountIdMax || !/^[A-Za-z0-9_-]+$/.test(id)) {
    return invalid('A subaccount ID is letters, digits, hyphens or underscores, as shown in the Mailgun control panel.');
  }
  return valid(id);
}

/** Validates and normalises every field, collecting all errors so a form can show them at once. */
export function validateEnvironmentInput(
  input: EnvironmentInput,
): { ok: true; value: EnvironmentInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const take = <T>(field: string, checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value;
    errors.push({ field, message: checked.message });
    return undefined;
  };
  const name = take('name', validateName(input.name));
  const domain = take('domain', normaliseDomain(input.domain));
  const subaccountId = take('subaccountId', validateSubaccountId(input.subaccountId ?? ''));
  if (!(regions as readonly string[]).includes(input.region)) errors.push({ field: 'region', message: 'Choose US, EU or a custom URL.' });
  if (!(keyKinds as readonly string[]).includes(input.keyKind))
    errors.push({ field: 'keyKind', message: 'Choose a primary account key or a domain sending key.' });
  if (!Object.hasOwn(environmentColours, input.colour)) errors.push({ field: 'colour', message: 'Choose one of the offered colours.' });
  const baseUrl = input.region === 'custom' ? take('baseUrl', validateBaseUrl(input.baseUrl ?? '')) : undefined;
  if (errors.length > 0 || name === undefined || domain === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(input.id === undefined ? {} : { id: input.id }),
      name,
      region: input.region,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      domain,
      keyKind: input.keyKind,
      ...(subaccountId === undefined ? {} : { subaccountId }),
      readOnly: input.readOnly,
      colour: input.colour,
    },
  };
}
