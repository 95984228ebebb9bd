import { defineEndpoints, inBody, inPath, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const domainTrackingGroup: GroupDef = {
  id: 'domain-tracking',
  title: 'Tracking settings',
  description: 'Domain-wide tracking of opens, clicks and unsubscribes, plus the TLS certificate that lets tracking links use https.',
};

const domainNamePath = domainPath('name', 'The sending domain whose tracking settings to read or change.');

const trackingHostPath: ParamSpec = inPath(
  'domain',
  { kind: 'string', format: 'domain' },
  'email.mg.example.com',
  'The tracking host: the web prefix of the domain followed by the domain name, such as email.mg.example.com.',
);

const certificateStarted = {
  status: 202,
  contentType: 'application/json',
  body: { message: 'Certificate generation started', location: '/v2/x509/email.mg.example.com/status' },
} as const;

export const domainTrackingEndpoints = defineEndpoints('domain-tracking', [
  {
    id: 'domain-tracking.get',
    method: 'GET',
    path: '/v3/domains/{name}/tracking',
    summary: 'Show tracking settings',
    description:
      'Shows which kinds of tracking (opens, clicks, unsubscribes) the domain has switched on, its unsubscribe footers and the scheme of tracking links.',
    params: [domainNamePath],
    response: {
      tracking: {
        open: { active: true, place_at_the_top: false },
        click: { active: 'htmlonly' },
        unsubscribe: {
          active: false,
          html_footer: '<p><a href="%unsubscribe_url%">Stop these emails</a></p>',
          text_footer: 'Unsubscribe: %unsubscribe_url%',
        },
        web_scheme: 'https',
      },
    },
  },
  {
    id: 'domain-tracking.update-click',
    method: 'PUT',
    path: '/v3/domains/{name}/tracking/click',
    summary: 'Turn click tracking on or off',
    description: 'Sets the default click tracking for the domain; individual messages can still override it with o:tracking-clicks.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody(
        'active',
        { kind: 'enum', values: ['true', 'false', 'htmlonly'] },
        'htmlonly',
        'true rewrites links in all parts, htmlonly only in the HTML part, false turns it off. Leave out to keep the current value.',
      ),
    ],
    response: { message: 'Tracking settings updated', click: { active: 'htmlonly' } },
  },
  {
    id: 'domain-tracking.update-open',
    method: 'PUT',
    path: '/v3/domains/{name}/tracking/open',
    summary: 'Turn open tracking on or off',
    description:
      'Sets the default open tracking for the domain and where the tracking pixel goes; messages can override it with o:tracking-opens.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody('active', { kind: 'boolean', style: 'true-false' }, true, 'Whether opens are tracked. Leave out to keep the current value.'),
      inBody(
        'place_at_the_top',
        { kind: 'boolean', style: 'true-false' },
        true,
        'Insert the pixel as the first element of the HTML body rather than the last. Leave out to keep the current value.',
      ),
    ],
    response: { message: 'Tracking settings updated', open: { active: true, place_at_the_top: true } },
  },
  {
    id: 'domain-tracking.update-unsubscribe',
    method: 'PUT',
    path: '/v3/domains/{name}/tracking/unsubscribe',
    summary: 'Configure unsubscribe links',
    description:
      'Turns the automatic unsubscribe footer on or off and sets its HTML and text versions. The %unsubscribe_url% placeholder becomes the personal link.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody('active', { kind: 'boolean', style: 'true-false' }, true, 'Whether Mailgun appends the unsubscribe footer.'),
      inBody(
        'html_footer',
        { kind: 'string', format: 'text' },
        '<p><a href="%unsubscribe_url%">Opt out of these emails</a></p>',
        'Footer added to the HTML part; include %unsubscribe_url% where the link goes.',
      ),
      inBody(
        'text_footer',
        { kind: 'string', format: 'text' },
        'To stop receiving these emails visit %unsubscribe_url%',
        'Footer added to the plain-text part; include %unsubscribe_url%.',
      ),
    ],
    response: {
      message: 'Tracking settings updated',
      unsubscribe: {
        active: true,
        html_footer: '<p><a href="%unsubscribe_url%">Opt out of these emails</a></p>',
        text_footer: 'To stop receiving these emails visit %unsubscribe_url%',
      },
    },
  },
  {
    id: 'domain-tracking.certificate-status',
    method: 'GET',
    path: '/v2/x509/{domain}/status',
    summary: 'Check the tracking TLS certificate',
    description:
      'Shows whether the certificate for the tracking host is being generated, active, expired or failed, with the PEM certificate once there is one. 404 means generation was never started.',
    params: [trackingHostPath],
    response: { status: 'active', error: null, certificate: '-----BEGIN CERTIFICATE-----\nMIIF...\n-----END CERTIFICATE-----\n' },
  },
  {
    id: 'domain-tracking.regenerate-certificate',
    method: 'PUT',
    path: '/v2/x509/{domain}',
    summary: 'Renew an expired tracking certificate',
    description:
      'Starts a background job that replaces an expired certificate of the tracking host; a still valid one gives 409. Poll the status call named in location.',
    params: [trackingHostPath],
    exampleResponse: certificateStarted,
  },
  {
    id: 'domain-tracking.generate-certificate',
    method: 'POST',
    path: '/v2/x509/{domain}',
    summary: 'Create a tracking TLS certificate',
    description:
      'Starts a background job that obtains a certificate so tracking links can use https. The tracking CNAME must already resolve; some plans get 402. Poll the status call named in location.',
    params: [trackingHostPath],
    exampleResponse: certificateStarted,
  },
]);
