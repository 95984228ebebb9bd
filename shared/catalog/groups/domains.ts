import { defineEndpoints, inBody, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef, JsonValue } from '../types';

export const domainsGroup: GroupDef = {
  id: 'domains',
  title: 'Domains',
  description: 'Add, configure, verify and remove the sending and receiving domains of your account.',
};

const domainNamePath = domainPath('name', 'The domain as registered in Mailgun.');

const archiveTo: ParamSpec = inBody(
  'archive_to',
  { kind: 'url' },
  'https://archive.example.com/mailgun/delivered',
  'Mailgun POSTs every successfully delivered message, as raw MIME (application/mime), to this URL.',
);

const messageTtl: ParamSpec = inBody(
  'message_ttl',
  { kind: 'integer', min: 0 },
  259200,
  'How long, in seconds, stored copies of incoming and outgoing messages stay retrievable. Your plan sets the ceiling.',
);

const requireTls: ParamSpec = inBody(
  'require_tls',
  { kind: 'boolean', style: 'true-false' },
  true,
  'When true, mail from this domain is only delivered over TLS and is dropped otherwise. Default false (TLS with plain fallback).',
);

const skipVerification: ParamSpec = inBody(
  'skip_verification',
  { kind: 'boolean', style: 'true-false' },
  false,
  "When true, the receiving server's TLS certificate and host name are not checked. Default false.",
);

const smtpPassword: ParamSpec = inBody(
  'smtp_password',
  { kind: 'string', maxLength: 32 },
  'c0rrect-h0rse-battery',
  'Password for the postmaster SMTP login of the domain, 5 to 32 characters.',
);

const spamAction: ParamSpec = inBody(
  'spam_action',
  { kind: 'enum', values: ['disabled', 'tag', 'block'] },
  'tag',
  'What happens to inbound spam: nothing (disabled, the default), add a spam header (tag) or refuse it (block).',
);

const automaticSenderSecurity: ParamSpec = inBody(
  'use_automatic_sender_security',
  { kind: 'boolean', style: 'true-false' },
  true,
  'Let Mailgun manage and rotate DKIM keys through CNAME records rather than one TXT record. Changing it requires verifying the domain again.',
);

const webPrefix: ParamSpec = inBody(
  'web_prefix',
  { kind: 'string' },
  'email',
  'Sub-domain label used in tracking links (<scheme>://<prefix>.<domain>/...), default email. A new value needs a matching CNAME in DNS.',
);

const webScheme: ParamSpec = inBody(
  'web_scheme',
  { kind: 'enum', values: ['http', 'https'] },
  'https',
  'Scheme of tracking links, default http. https only works once a tracking certificate exists (see Tracking settings).',
);

const wildcard: ParamSpec = inBody(
  'wildcard',
  { kind: 'boolean', style: 'true-false' },
  false,
  'Also accept inbound mail for sub-domains whose MX records point at Mailgun. Default false.',
);

const sampleDomain: { readonly [key: string]: JsonValue } = {
  created_at: 'Tue, 11 Jun 2024 09:12:44 GMT',
  id: '6668173c9f2b4e4a1d8e5c20',
  name: 'mg.example.com',
  require_tls: false,
  skip_verification: false,
  smtp_login: 'postmaster@mg.example.com',
  spam_action: 'disabled',
  state: 'active',
  type: 'custom',
  use_automatic_sender_security: true,
  web_prefix: 'email',
  web_scheme: 'https',
  wildcard: false,
};

const receivingRecords: JsonValue = [
  {
    is_active: true,
    cached: ['10 mxa.mailgun.org', '10 mxb.mailgun.org'],
    priority: '10',
    record_type: 'MX',
    valid: 'valid',
    value: 'mxa.mailgun.org',
  },
];

const sendingRecords: JsonValue = [
  {
    is_active: true,
    cached: ['v=spf1 include:mailgun.org ~all'],
    name: 'mg.example.com',
    record_type: 'TXT',
    valid: 'valid',
    value: 'v=spf1 include:mailgun.org ~all',
  },
  { is_active: true, cached: [], name: 'email.mg.example.com', record_type: 'CNAME', valid: 'unknown', value: 'mailgun.org' },
];

export const domainsEndpoints = defineEndpoints('domains', [
  {
    id: 'domains.list',
    method: 'GET',
    path: '/v4/domains',
    summary: 'List domains',
    description:
      'Returns the domains of the account in the region you call, newest first unless you sort. Filter by state, authority or part of the name; pages with skip and limit (at most 1,000 per page).',
    pagination: 'skip-limit',
    params: [
      inQuery('limit', { kind: 'integer', min: 1, max: 1000 }, 100, 'Page size, 1 to 1,000 (default 100).', { default: 100 }),
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'How many domains to pass over before the page starts.', { default: 0 }),
      inQuery('state', { kind: 'enum', values: ['active', 'unverified', 'disabled'] }, 'active', 'Only domains in this state.'),
      inQuery(
        'sort',
        { kind: 'enum', values: ['name', 'name:asc', 'name:desc'] },
        'name:asc',
        'Order by name; without it the most recently created domains come first.',
      ),
      inQuery(
        'authority',
        { kind: 'string', format: 'domain' },
        'example.com',
        'Only domains whose DKIM authority is this domain. Ignored when state is also given.',
      ),
      inQuery('search', { kind: 'string' }, 'mg.', 'Only domains whose name contains this text (no wildcards).'),
      inQuery(
        'include_subaccounts',
        { kind: 'boolean', style: 'true-false' },
        true,
        'Also list the domains of your subaccounts; each then carries a subaccount_id.',
        { default: false },
      ),
    ],
    response: {
      total_count: 2,
      items: [
        {
          created_at: 'Tue, 11 Jun 2024 09:12:44 GMT',
          id: '6668173c9f2b4e4a1d8e5c20',
          name: 'mg.example.com',
          state: 'active',
          type: 'custom',
          web_prefix: 'email',
        },
        {
          created_at: 'Mon, 03 Jun 2024 15:40:02 GMT',
          id: '665de3a25c1b7f0e9a3d4b11',
          name: 'news.example.com',
          state: 'unverified',
          type: 'custom',
          web_prefix: 'email',
        },
      ],
    },
  },
  {
    id: 'domains.create',
    method: 'POST',
    path: '/v4/domains',
    summary: 'Add a domain',
    description:
      'Registers a new domain in the region you call and returns the DNS records to publish before it can be verified. DKIM options (host, selector, key size, authority) can only be chosen here.',
    encoding: 'multipart',
    params: [
      archiveTo,
      inBody(
        'dkim_host_name',
        { kind: 'string', format: 'domain' },
        'example.com',
        'Where the DKIM record will live: the new domain, one of its sub-domains or its root. Not combinable with force_dkim_authority or force_root_dkim_host.',
      ),
      inBody(
        'dkim_key_size',
        { kind: 'enum', values: ['1024', '2048'] },
        '2048',
        'Length in bits of the DKIM key generated for the domain.',
      ),
      inBody(
        'dkim_selector',
        { kind: 'string' },
        'mg2024',
        'Selector for the DKIM key; a single label without dots. A key is created if none exists for it.',
      ),
      inBody(
        'encrypt_incoming_message',
        { kind: 'boolean', style: 'true-false' },
        false,
        'Store inbound messages encrypted. Cannot be switched off again through the API. Default false.',
      ),
      inBody(
        'force_dkim_authority',
        { kind: 'boolean', style: 'true-false' },
        false,
        'When true the domain signs with its own DKIM key even if its root domain is in the same account; when false it shares the root domain key. Default false.',
      ),
      inBody(
        'force_root_dkim_host',
        { kind: 'boolean', style: 'true-false' },
        false,
        'Put the DKIM record on the root domain even when that root is absent from Mailgun; the new domain must still pass SPF verification.',
      ),
      wildcard,
      inBody(
        'name',
        { kind: 'string', format: 'domain' },
        'mg.example.com',
        'The domain to add; a dedicated sub-domain such as mg.example.com is usual.',
        { required: true },
      ),
      inBody('pool_id', { kind: 'string', format: 'id' }, '60140bc1fee3e84dec5abeeb', 'IP pool to link to the domain from the start.'),
      inBody(
        'ips',
        { kind: 'string' },
        '192.0.2.15,192.0.2.16',
        'Comma-separated dedicated IPs to assign. Without it every dedicated IP of the account is assigned; an IP you do not own gives 400.',
      ),
      requireTls,
      skipVerification,
      spamAction,
      smtpPassword,
      automaticSenderSecurity,
      webPrefix,
      webScheme,
      messageTtl,
    ],
    response: {
      message: 'Domain has been created',
      domain: { ...sampleDomain, state: 'unverified', message_ttl: 259200 },
      receiving_dns_records: receivingRecords,
      sending_dns_records: sendingRecords,
    },
  },
  {
    id: 'domains.get',
    method: 'GET',
    path: '/v4/domains/{name}',
    summary: 'Get a domain',
    description:
      'Returns the settings and state of one domain together with the DNS records it needs and what Mailgun last saw in DNS. Answers 404 if the domain lives in the other region.',
    params: [domainNamePath],
    response: { domain: sampleDomain, receiving_dns_records: receivingRecords, sending_dns_records: sendingRecords },
  },
  {
    id: 'domains.update',
    method: 'PUT',
    path: '/v4/domains/{name}',
    summary: 'Change domain settings',
    description:
      'Updates only the fields you send: TLS policy, spam handling, SMTP password, tracking link prefix and scheme, wildcard, retention and more.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      archiveTo,
      inBody(
        'mailfrom_host',
        { kind: 'string', format: 'domain' },
        'bounce.mg.example.com',
        'Host used in the envelope sender (MAIL FROM); lower case only.',
      ),
      messageTtl,
      requireTls,
      skipVerification,
      smtpPassword,
      spamAction,
      automaticSenderSecurity,
      webScheme,
      webPrefix,
      wildcard,
    ],
    response: {
      message: 'Domain has been updated',
      domain: sampleDomain,
      receiving_dns_records: receivingRecords,
      sending_dns_records: sendingRecords,
    },
  },
  {
    id: 'domains.verify',
    method: 'PUT',
    path: '/v4/domains/{name}/verify',
    summary: 'Re-check DNS and verify a domain',
    description:
      'Asks Mailgun to look up the SPF, DKIM, MX and tracking CNAME records again and update the domain state. Run it after changing DNS; propagation can take a while.',
    params: [domainNamePath],
    response: {
      message: 'Domain DNS records were checked',
      domain: sampleDomain,
      receiving_dns_records: receivingRecords,
      sending_dns_records: sendingRecords,
    },
  },
  {
    id: 'domains.delete',
    method: 'DELETE',
    path: '/v3/domains/{name}',
    summary: 'Remove a domain',
    description:
      'Deletes the domain in the background. Refused for sandbox domains, disabled domains and domains that act as DKIM authority for others.',
    params: [domainNamePath],
    response: { message: 'Domain removal has started' },
  },
  {
    id: 'domains.get-connection',
    method: 'GET',
    path: '/v3/domains/{name}/connection',
    summary: 'Read the delivery TLS settings of a domain',
    description: 'Shows whether mail from the domain must go over TLS and whether the receiving certificate is checked.',
    beyondSpec: true,
    params: [domainNamePath],
    response: { connection: { require_tls: false, skip_verification: false } },
  },
  {
    id: 'domains.update-connection',
    method: 'PUT',
    path: '/v3/domains/{name}/connection',
    summary: 'Change the delivery TLS settings of a domain',
    description:
      'Sets the two TLS switches on their own, without the other domain settings. domains.update changes the same two fields together with the rest.',
    beyondSpec: true,
    encoding: 'urlencoded',
    params: [domainNamePath, requireTls, skipVerification],
    response: {
      message: 'Domain connection settings have been updated, may take 10 minutes to fully propagate',
      require_tls: true,
      skip_verification: false,
    },
  },
  {
    id: 'domains.update-web-prefix',
    method: 'PUT',
    path: '/v3/domains/{name}/web_prefix',
    summary: 'Change the tracking link prefix (legacy)',
    description:
      'Sets the sub-domain label of tracking links on its own. Kept for older integrations; domains.update sets web_prefix along with the other settings.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'domains.update',
    params: [domainNamePath, { ...webPrefix, in: 'query', required: true }],
    response: { message: 'Domain web prefix updated' },
  },
  {
    id: 'domains.list-ips',
    method: 'GET',
    path: '/v3/domains/{name}/ips',
    summary: 'List the IPs a domain sends from (legacy)',
    description:
      'Returns the dedicated IPs assigned to the domain. Mailgun is moving IP assignment to IP pools; the domain itself shows its pool, and ips.list-domains answers the reverse question.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'domains.get',
    params: [domainNamePath],
    response: { items: ['192.0.2.10'], total_count: 1 },
  },
  {
    id: 'domains.assign-ip',
    method: 'POST',
    path: '/v3/domains/{name}/ips',
    summary: 'Assign a dedicated IP to a domain (legacy)',
    description:
      'Adds one of your dedicated IPs to the IPs the domain sends from. Prefer IP pools, which move several domains and IPs together; ips.assign-to-all-domains gives an IP to every domain.',
    beyondSpec: true,
    deprecated: true,
    replacedBy: 'ip-pools.update',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody('ip', { kind: 'string', format: 'ip' }, '192.0.2.21', 'A dedicated IP of the account.', { required: true }),
    ],
    response: { message: 'success' },
  },
]);
