import { domainParamName } from '../../../shared/catalog/domain-scope';
import type { EndpointDef } from '../../../shared/catalog/types';
import { type ParamInput, paramKey, type RequestValues } from '../../../shared/request';

/** Path words that read badly when merely singularised. */
const NOUNS: Readonly<Record<string, string>> = {
  whitelists: 'allowlist entry',
  auth_recipients: 'sandbox recipient',
  ip_pools: 'IP pool',
  dynamic_pools: 'dynamic pool',
  ip_whitelist: 'IP allowlist entry',
  seedlists: 'seed list',
  lists: 'mailing list',
  ips: 'IP',
  envelopes: 'scheduled message',
  pool: 'IP pool',
  ip_warmups: 'IP warm-up',
  ip_pool: 'IP pool',
  send: 'sending alert',
  bulk: 'bulk validation job',
  monthly: 'custom monthly limit',
};
/** Suppressions are entries about an address, so "bounce for alice@…" reads right where "bounce alice@…" does not. */
const ABOUT_ADDRESS = new Set(['bounce', 'unsubscribe', 'complaint', 'allowlist entry']);

function singular(segment: string): string {
  const known = NOUNS[segment];
  if (known) return known;
  const word = segment.replace(/_/g, ' ');
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

function plural(segment: string): string {
  const noun = singular(segment);
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return noun.endsWith('s') ? noun : `${noun}s`;
}

/** A collection segment such as `bounces` means "all of them"; a singular one (`override`, `tag`) names one thing. */
const isCollection = (segment: string) => segment !== 'ip_whitelist' && /s$/.test(segment) && !/ss$/.test(segment);

function text(value: ParamInput | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value
      .map((v) => text(v))
      .filter(Boolean)
      .join(', ');
  if (typeof value === 'object') return '';
  return String(value).trim();
}

const isPlaceholder = (segment: string) => /^\{[^}]+\}$/.test(segment);
const nameOf = (segment: string) => segment.slice(1, -1);

/**
 * The question asked before a DELETE, naming what goes and where, e.g.
 * "Delete bounce for alice@example.com on mg.example.com?".
 */
export function describeDeletion(endpoint: EndpointDef, values: RequestValues, environmentDomain?: string): string {
  // `…/dynamic_pools/all` says "all" itself; the collection is the segment before it.
  const segments = endpoint.path
    .split('/')
    .filter((s) => s !== '' && !/^v\d+$/.test(s))
    .filter((s, i, all) => !(s === 'all' && i === all.length - 1));
  const domainParam = domainParamName(endpoint.path);
  const resolved = (name: string) => {
    // A path name the endpoint also takes elsewhere is held under `path:<name>`.
    const given = text(values.params[`path:${name}`] ?? values.params[name]);
    if (given !== '') return given;
    if (name === domainParam && environmentDomain) return environmentDomain;
    return `{${name}}`;
  };
  const domain = domainParam ? resolved(domainParam) : undefined;
  const last = segments[segments.length - 1] ?? '';
  const before = segments[segments.length - 2] ?? '';

  if (isPlaceholder(last)) {
    const name = nameOf(last);
    const noun = singular(before);
    if (name === domainParam) return `Delete ${noun} ${resolved(name)}?`;
    const link = ABOUT_ADDRESS.has(noun) ? 'for ' : '';
    return `Delete ${noun} ${link}${resolved(name)}${domain ? ` on ${domain}` : ''}?`;
  }

  const identifying = endpoint.params
    .filter((p) => p.in !== 'path' && p.required)
    .map((p) => text(values.params[paramKey(endpoint, p)]))
    .filter((v) => v !== '');
  const where = domain ? ` on ${domain}` : '';
  const which = identifying.length > 0 ? ` ${identifying.join(' / ')}` : '';

  if (isPlaceholder(before) && nameOf(before) !== domainParam) {
    const owner = `${singular(segments[segments.length - 3] ?? '')} ${resolved(nameOf(before))}`;
    if (which !== '' || !isCollection(last)) return `Delete ${singular(last)}${which} of ${owner}?`;
    return `Delete all ${plural(last)} of ${owner}?`;
  }
  if (which !== '' || !isCollection(last)) return `Delete ${singular(last)}${which}${where}?`;
  return `Delete all ${plural(last)}${where}?`;
}
