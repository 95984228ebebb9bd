import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef, JsonValue } from '../types';

export const domainKeysGroup: GroupDef = {
  id: 'domain-keys',
  title: 'Domain keys',
  description: 'Create, import, activate and retire the DKIM keys that sign your mail, and choose which domain signs for which.',
};

const authorityPath = domainPath('authority_name', 'The signing (authority) domain that owns the keys.');

const selectorPath: ParamSpec = inPath(
  'selector',
  { kind: 'string' },
  's1',
  'Selector of the key, as published in <selector>._domainkey.<domain>.',
);

const domainNamePath = domainPath('name', 'The domain to change.');

const sampleKey = (selector: string, active: boolean): JsonValue => ({
  signing_domain: 'mg.example.com',
  selector,
  dns_record: {
    is_active: active,
    cached: active ? ['k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv3...'] : [],
    name: `${selector}._domainkey.mg.example.com`,
    record_type: 'TXT',
    valid: active ? 'valid' : 'unknown',
    value: 'k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv3...',
  },
});

export const domainKeysEndpoints = defineEndpoints('domain-keys', [
  {
    id: 'domain-keys.list-all',
    method: 'GET',
    path: '/v1/dkim/keys',
    summary: 'List DKIM keys across all domains',
    description:
      'Lists the keys of every domain in the account, optionally narrowed to one signing domain or selector. Pages through opaque page tokens found in the paging links; the spec describes these fields as a form body, but they travel in the query string like any GET.',
    pagination: 'paging-urls',
    params: [
      inQuery(
        'page',
        { kind: 'string' },
        'eyJvZmZzZXQiOjEwfQ',
        'Page token from a paging link (next, previous or last) of an earlier response; leave empty for the first page.',
      ),
      inQuery('limit', { kind: 'integer', min: 1, max: 100 }, 10, 'Keys per page, 1 to 100 (default 10).', { default: 10 }),
      inQuery('signing_domain', { kind: 'string', format: 'domain' }, 'sandbox.mg.example.com', 'Only keys of this signing domain.'),
      inQuery('selector', { kind: 'string' }, 's1', 'Only keys with this selector.'),
    ],
    response: {
      items: [sampleKey('s1', true), sampleKey('s2', false)],
      paging: {
        first: '/v1/dkim/keys',
        next: '/v1/dkim/keys?page=eyJvZmZzZXQiOjEwfQ',
        previous: '/v1/dkim/keys?page=eyJvZmZzZXQiOjB9',
        last: '/v1/dkim/keys?page=eyJsYXN0Ijp0cnVlfQ',
      },
    },
  },
  {
    id: 'domain-keys.create',
    method: 'POST',
    path: '/v1/dkim/keys',
    summary: 'Create or import a DKIM key',
    description:
      'Generates a new key for a signing domain and selector, or imports your own RSA private key from a PEM file. Private keys can never be downloaded afterwards; publish the returned TXT record, then activate the key.',
    encoding: 'multipart',
    params: [
      inBody('signing_domain', { kind: 'string', format: 'domain' }, 'sandbox.mg.example.com', 'Domain the key signs for.', {
        required: true,
      }),
      inBody('selector', { kind: 'string' }, 's2', 'Selector for the new key; must differ from the other selectors of the domain.', {
        required: true,
      }),
      inBody('bits', { kind: 'enum', values: ['1024', '2048'] }, '2048', 'Key length in bits when Mailgun generates the key.'),
      inBody(
        'pem',
        { kind: 'file', accept: '.pem,.key' },
        'dkim-private.pem',
        'An RSA private key (PKCS #1) to import instead of generating one; a plain text field with the PEM also works.',
      ),
    ],
    response: sampleKey('s2', false),
  },
  {
    id: 'domain-keys.delete',
    method: 'DELETE',
    path: '/v1/dkim/keys',
    summary: 'Delete a DKIM key',
    description: 'Permanently removes one key; there is no undo. A domain must keep at least one active key, so activate another first.',
    params: [
      inQuery('signing_domain', { kind: 'string', format: 'domain' }, 'sandbox.mg.example.com', 'Signing domain of the key to delete.', {
        required: true,
      }),
      inQuery('selector', { kind: 'string' }, 's1', 'Selector of the key to delete.', { required: true }),
    ],
    response: { message: 'success' },
  },
  {
    id: 'domain-keys.activate',
    method: 'PUT',
    path: '/v4/domains/{authority_name}/keys/{selector}/activate',
    summary: 'Start signing with a DKIM key',
    description: 'Makes the key available for signing. Its DNS record has to be published and valid first.',
    params: [authorityPath, selectorPath],
    response: { message: 'domain key activated', authority: 'mg.example.com', selector: 's1', active: true },
  },
  {
    id: 'domain-keys.list',
    method: 'GET',
    path: '/v4/domains/{authority_name}/keys',
    summary: 'List the DKIM keys of a domain',
    description: 'Returns every key of one signing domain, active or not, with the state of its DNS record.',
    params: [authorityPath],
    response: { items: [sampleKey('s1', true), sampleKey('s2', false)] },
  },
  {
    id: 'domain-keys.deactivate',
    method: 'PUT',
    path: '/v4/domains/{authority_name}/keys/{selector}/deactivate',
    summary: 'Stop signing with a DKIM key',
    description: 'Keeps the key but no longer signs with it, even while its DNS record stays valid.',
    params: [authorityPath, selectorPath],
    response: { message: 'domain key deactivated', authority: 'mg.example.com', selector: 's1', active: false },
  },
  {
    id: 'domain-keys.update-authority',
    method: 'PUT',
    path: '/v3/domains/{name}/dkim_authority',
    summary: 'Choose which domain signs for this one',
    description:
      'Decides whether a sub-domain signs with its own DKIM key or borrows the key of its root domain in the same account. Returns the DNS records that then apply.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody(
        'self',
        { kind: 'boolean', style: 'true-false' },
        true,
        'true: the domain is its own DKIM authority; false: it uses the authority of its root domain.',
      ),
    ],
    response: {
      message: 'Domain DKIM authority has been changed',
      sending_dns_records: [
        {
          is_active: true,
          cached: [],
          name: 's1._domainkey.mg.example.com',
          record_type: 'TXT',
          valid: 'unknown',
          value: 'k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv3...',
        },
      ],
      changed: true,
    },
  },
  {
    id: 'domain-keys.update-selector',
    method: 'PUT',
    path: '/v3/domains/{name}/dkim_selector',
    summary: 'Rename the DKIM selector of a domain',
    description: 'Changes the selector the domain publishes its key under; update DNS to match.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody(
        'dkim_selector',
        { kind: 'string' },
        'mg2024',
        'The new selector, unique among the keys of the domain. Leave out to change nothing.',
      ),
    ],
    response: { message: 'DKIM selector changed' },
  },
]);
