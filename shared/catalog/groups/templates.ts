import { defineEndpoints, inBody, inPath, inQuery, type ParamSpec } from '../define';
import { domainPath } from '../params';
import type { GroupDef, JsonValue } from '../types';

export const templatesGroup: GroupDef = {
  id: 'templates',
  title: 'Templates',
  description: 'Store Handlebars message templates per domain, with up to 40 versions each, for sending with the template field.',
};

const domainNamePath = domainPath('domain_name', 'Domain the templates are stored under.');

const templateNamePath: ParamSpec = inPath('template_name', { kind: 'string' }, 'welcome', 'Name of the template (stored in lower case).');

const versionNamePath: ParamSpec = inPath('version_name', { kind: 'string' }, 'v2', 'Tag of the version.');

const pageDirection: ParamSpec = inQuery(
  'page',
  { kind: 'enum', values: ['first', 'last', 'next', 'previous'] },
  'next',
  'Which page to fetch relative to the pivot p. Default first.',
  { default: 'first' },
);

const pageLimit: ParamSpec = inQuery(
  'limit',
  { kind: 'integer', min: 1, max: 100 },
  10,
  'Entries per page, at most 100 (also the default).',
  { default: 100 },
);

const pivot: ParamSpec = inQuery(
  'p',
  { kind: 'string' },
  'welcome',
  'Pivot taken from a paging link: the name (or version tag) the requested page is counted from.',
);

const templateContent: ParamSpec = inBody(
  'template',
  { kind: 'string', format: 'text' },
  '<p>Hi {{first_name}}, thanks for order {{order_id}}.</p>',
  'The template source (Handlebars placeholders such as {{first_name}}).',
);

const versionComment: ParamSpec = inBody('comment', { kind: 'string' }, 'Shorter intro paragraph', 'Note describing this version.');

const versionActive: ParamSpec = inBody(
  'active',
  { kind: 'boolean', style: 'yes-no' },
  'yes',
  'yes makes this the active version, used when a message names the template without t:version.',
);

const templateHeaders: ParamSpec = inBody(
  'headers',
  { kind: 'json' },
  '{"From": "Example Shop <orders@mg.example.com>", "Subject": "Thanks for your order", "Reply-To": "help@example.com"}',
  'JSON object of headers stored with the version. Mailgun honours just From, Subject and Reply-To here; fields of the message win over them.',
);

const sampleVersion: { readonly [key: string]: JsonValue } = {
  tag: 'v2',
  template: '<p>Hi {{first_name}}, thanks for order {{order_id}}.</p>',
  engine: 'handlebars',
  mjml: '',
  createdAt: 'Tue, 11 Jun 2024 11:02:45 UTC',
  comment: 'Shorter intro paragraph',
  active: true,
  id: '3d0b6f8e-8c1a-4c52-9d7e-2f4b1a6c9e10',
  headers: { From: 'Example Shop <orders@mg.example.com>', Subject: 'Thanks for your order' },
};

const sampleTemplate: { readonly [key: string]: JsonValue } = {
  name: 'order-confirmation',
  description: 'Sent when an order is paid',
  createdAt: 'Mon, 03 Jun 2024 08:15:00 UTC',
  createdBy: 'shop-backend',
  id: 'b7a2c1e4-5f6d-4e3a-9b8c-0d1e2f3a4b5c',
};

/** The copy call answers with the new version twice: `version`, and the older `template` field kept for compatibility. */
const copiedVersion: JsonValue = {
  ...sampleVersion,
  tag: 'v3',
  active: false,
  comment: 'Copied from v2 for the summer redesign',
  id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
};

const templatePaging = (path: string, pivotValue: string): JsonValue => ({
  first: `https://api.mailgun.net/v3/mg.example.com/${path}?limit=10`,
  last: `https://api.mailgun.net/v3/mg.example.com/${path}?page=last&limit=10`,
  next: `https://api.mailgun.net/v3/mg.example.com/${path}?page=next&p=${pivotValue}&limit=10`,
  previous: `https://api.mailgun.net/v3/mg.example.com/${path}?page=previous&p=${pivotValue}&limit=10`,
});

export const templatesEndpoints = defineEndpoints('templates', [
  {
    id: 'templates.list',
    method: 'GET',
    path: '/v3/{domain_name}/templates',
    summary: 'List templates',
    description: 'Returns the templates of the domain (metadata only), a page at a time through paging links.',
    pagination: 'paging-urls',
    params: [domainNamePath, pageDirection, pageLimit, pivot],
    response: {
      items: [
        sampleTemplate,
        {
          name: 'password-reset',
          description: 'Reset link',
          createdAt: 'Mon, 03 Jun 2024 08:20:11 UTC',
          id: 'c8b3d2f5-6a7e-4f4b-8c9d-1e2f3a4b5c6d',
        },
      ],
      paging: templatePaging('templates', 'password-reset'),
    },
  },
  {
    id: 'templates.create',
    method: 'POST',
    path: '/v3/{domain_name}/templates',
    summary: 'Store a new template',
    description:
      'Stores a new template. When you include template content, a first version is created with it and becomes active; otherwise add versions later.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody('name', { kind: 'string' }, 'order-confirmation', 'Name to send with messages; UTF-8 allowed, stored in lower case.', {
        required: true,
      }),
      inBody('description', { kind: 'string' }, 'Sent when an order is paid', 'Free-text description.'),
      inBody('createdBy', { kind: 'string' }, 'shop-backend', 'Your own note of who or what created the template.'),
      templateContent,
      inBody('tag', { kind: 'string' }, 'v1', 'Tag for the first version when template is given; initial if left out.', {
        default: 'initial',
      }),
      { ...versionComment, description: 'Note for the first version; only used when template is given.' },
      templateHeaders,
    ],
    response: { message: 'template stored', template: { ...sampleTemplate, version: { ...sampleVersion, tag: 'v1' } } },
  },
  {
    id: 'templates.delete-all',
    method: 'DELETE',
    path: '/v3/{domain_name}/templates',
    summary: 'Delete all templates of a domain',
    description: 'Removes every template of the domain with all their versions. Messages that name a deleted template will fail.',
    params: [domainNamePath],
    response: { message: 'all templates removed' },
  },
  {
    id: 'templates.list-versions',
    method: 'GET',
    path: '/v3/{domain_name}/templates/{template_name}/versions',
    summary: 'List versions of a template',
    description: 'Returns the template with its versions (tag, engine, active flag, dates), a page at a time through paging links.',
    pagination: 'paging-urls',
    params: [domainNamePath, templateNamePath, pageDirection, pageLimit, { ...pivot, example: 'v2' }],
    response: {
      template: {
        ...sampleTemplate,
        versions: [{ ...sampleVersion, tag: 'v1', active: false, id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }, sampleVersion],
      },
      paging: templatePaging('templates/order-confirmation/versions', 'v2'),
    },
  },
  {
    id: 'templates.create-version',
    method: 'POST',
    path: '/v3/{domain_name}/templates/{template_name}/versions',
    summary: 'Add a template version',
    description:
      'Stores new content under a new tag. The first version of a template becomes active automatically; a template holds at most 40 versions.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      templateNamePath,
      { ...templateContent, required: true },
      inBody('tag', { kind: 'string' }, 'v3', 'Tag of the new version, unique within the template.', { required: true }),
      versionComment,
      versionActive,
      templateHeaders,
    ],
    response: { message: 'template version stored', template: { ...sampleTemplate, version: sampleVersion } },
  },
  {
    id: 'templates.get',
    method: 'GET',
    path: '/v3/{domain_name}/templates/{template_name}',
    summary: 'Show one template',
    description: 'Returns the template metadata; set active to yes to get the live version, with its content, in the same response.',
    params: [
      domainNamePath,
      templateNamePath,
      inQuery('active', { kind: 'boolean', style: 'yes-no' }, 'yes', 'yes adds the active version, content included, to the response.'),
    ],
    response: { template: { ...sampleTemplate, version: sampleVersion } },
  },
  {
    id: 'templates.update',
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}',
    summary: 'Change the description of a template',
    description: 'Only the description can be changed here; content lives in versions.',
    encoding: 'multipart',
    params: [
      domainNamePath,
      templateNamePath,
      inBody('description', { kind: 'string' }, 'Sent when an order is paid (new layout)', 'The new description.'),
    ],
    response: { message: 'template description changed', template: { name: 'order-confirmation' } },
  },
  {
    id: 'templates.delete',
    method: 'DELETE',
    path: '/v3/{domain_name}/templates/{template_name}',
    summary: 'Remove a template',
    description: 'Removes the template together with all of its versions.',
    params: [domainNamePath, templateNamePath],
    response: { message: 'template removed', template: { name: 'order-confirmation' } },
  },
  {
    id: 'templates.get-version',
    method: 'GET',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    summary: 'Get a template version',
    description: 'Returns one version of the template, content and stored headers included.',
    params: [domainNamePath, templateNamePath, versionNamePath],
    response: { template: { ...sampleTemplate, version: sampleVersion } },
  },
  {
    id: 'templates.update-version',
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    summary: 'Change a template version',
    description: 'Updates the content, comment, headers or active flag of a version; fields you leave out are kept.',
    encoding: 'multipart',
    params: [domainNamePath, templateNamePath, versionNamePath, templateContent, versionComment, versionActive, templateHeaders],
    response: { message: 'version changed', template: { name: 'order-confirmation', version: { tag: 'v2' } } },
  },
  {
    id: 'templates.delete-version',
    method: 'DELETE',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    summary: 'Delete a template version',
    description: 'Removes one version of the template; the other versions stay.',
    params: [domainNamePath, templateNamePath, versionNamePath],
    response: { message: 'version removed', template: { name: 'order-confirmation', version: { tag: 'v1' } } },
  },
  {
    id: 'templates.copy-version',
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}/copy/{new_version_name}',
    summary: 'Copy a template version',
    description:
      'Duplicates a version under a new tag, a handy starting point for edits. An existing version with that tag is overwritten.',
    params: [
      domainNamePath,
      templateNamePath,
      { ...versionNamePath, description: 'Tag of the existing version that serves as the source.' },
      inPath('new_version_name', { kind: 'string' }, 'v3', 'Tag for the copy; replaces any version that already has it.'),
      inQuery('comment', { kind: 'string' }, 'Copied from v2 for the summer redesign', 'Note for the new version.'),
    ],
    response: { message: 'version duplicated', version: copiedVersion, template: copiedVersion },
  },
]);
