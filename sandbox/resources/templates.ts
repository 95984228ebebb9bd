import { domainOf, field, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, fail, json, notFound, type Reply } from '../errors';
import { parseFlag, rfc2822, uuid } from '../format';
import { pivotPage, readPivotRequest } from '../paging';
import type { Template, TemplateVersion } from '../state';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,254}$/;
const MAX_VERSIONS = 40;
const MAX_TEMPLATE_BYTES = 100 * 1024;

function baseView(t: Template) {
  return { name: t.name, description: t.description, createdAt: rfc2822(t.created_at), createdBy: t.createdBy, id: t.id };
}

function versionView(v: TemplateVersion) {
  return {
    tag: v.tag,
    template: v.template,
    engine: v.engine,
    mjml: v.mjml,
    createdAt: rfc2822(v.created_at),
    comment: v.comment,
    active: v.active,
    id: v.id,
    headers: v.headers,
  };
}

function checkName(raw: string, what: string): string {
  const name = raw.trim().toLowerCase();
  if (!NAME.test(name)) return badRequest(`Invalid ${what} '${raw.slice(0, 60)}': use letters, digits, '.', '_' or '-'`);
  return name;
}

function findTemplate(ctx: RequestContext): Template {
  const name = param(ctx, 'template_name').toLowerCase();
  return domainOf(ctx).templates.find((t) => t.name === name) ?? notFound('template not found');
}

function findVersion(ctx: RequestContext, t: Template, paramName = 'version_name'): TemplateVersion {
  const tag = param(ctx, paramName).toLowerCase();
  return t.versions.find((v) => v.tag === tag) ?? notFound('version not found');
}

function readHeaders(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    // Reported below.
  }
  return badRequest("'headers' must be a JSON object of strings");
}

function readContent(raw: string): string {
  if (Buffer.byteLength(raw) > MAX_TEMPLATE_BYTES) return badRequest('template content is larger than 100KB');
  return raw;
}

function newVersion(ctx: RequestContext, t: Template, content: string, defaultTag: string | null): TemplateVersion {
  const tag = checkName(defaultTag === null ? requiredField(ctx, 'tag') : (field(ctx, 'tag') ?? defaultTag), 'tag');
  if (t.versions.some((v) => v.tag === tag)) fail(409, `version '${tag}' already exists`);
  if (t.versions.length >= MAX_VERSIONS) badRequest(`a template can have at most ${MAX_VERSIONS} versions`);
  const active = t.versions.length === 0 || (parseFlag(field(ctx, 'active'), 'active') ?? false);
  if (active) for (const v of t.versions) v.active = false;
  const version: TemplateVersion = {
    tag,
    template: readContent(content),
    engine: (field(ctx, 'engine') ?? 'handlebars').slice(0, 40),
    mjml: '',
    comment: (field(ctx, 'comment') ?? '').slice(0, 1000),
    active,
    id: uuid(),
    headers: readHeaders(field(ctx, 'headers')) ?? {},
    created_at: ctx.world.now(),
  };
  t.versions.push(version);
  return version;
}

function create(ctx: RequestContext): Reply {
  const domain = domainOf(ctx);
  const name = checkName(requiredField(ctx, 'name'), 'template name');
  if (domain.templates.some((t) => t.name === name)) return fail(409, `template '${name}' already exists`);
  const template: Template = {
    name,
    description: (field(ctx, 'description') ?? '').slice(0, 1000),
    createdBy: (field(ctx, 'createdBy') ?? '').slice(0, 200),
    id: uuid(),
    created_at: ctx.world.now(),
    versions: [],
  };
  const content = field(ctx, 'template');
  const version = content === undefined ? null : newVersion(ctx, template, content, 'initial');
  domain.templates.push(template);
  return json(200, {
    message: 'template has been stored',
    template: { ...baseView(template), ...(version ? { version: versionView(version) } : {}) },
  });
}

function getTemplate(ctx: RequestContext): Reply {
  const t = findTemplate(ctx);
  const wantActive = parseFlag(ctx.query.get('active') ?? undefined, 'active') ?? false;
  const active = t.versions.find((v) => v.active);
  return json(200, { template: { ...baseView(t), ...(wantActive && active ? { version: versionView(active) } : {}) } });
}

function listVersions(ctx: RequestContext): Reply {
  const t = findTemplate(ctx);
  const request = readPivotRequest(ctx.query, 'p', { fallback: 10, max: 100 });
  const sorted = [...t.versions].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const page = pivotPage(sorted, (v) => v.tag, request, `${ctx.baseUrl}/v3/${domainOf(ctx).name}/templates/${t.name}/versions`, 'p');
  return json(200, { template: { ...baseView(t), versions: page.items.map(versionView) }, paging: page.paging });
}

function updateVersion(ctx: RequestContext): Reply {
  const t = findTemplate(ctx);
  const v = findVersion(ctx, t);
  const content = field(ctx, 'template');
  const comment = field(ctx, 'comment');
  const headers = readHeaders(field(ctx, 'headers'));
  const active = parseFlag(field(ctx, 'active'), 'active');
  if (content !== undefined) v.template = readContent(content);
  if (comment !== undefined) v.comment = comment.slice(0, 1000);
  if (headers) v.headers = headers;
  if (active === true) for (const other of t.versions) other.active = other === v;
  return json(200, { message: 'version has been updated', template: { name: t.name, version: { tag: v.tag } } });
}

function copyVersion(ctx: RequestContext): Reply {
  const t = findTemplate(ctx);
  const source = findVersion(ctx, t);
  const tag = checkName(param(ctx, 'new_version_name'), 'tag');
  if (t.versions.some((v) => v.tag === tag)) return fail(409, `version '${tag}' already exists`);
  if (t.versions.length >= MAX_VERSIONS) return badRequest(`a template can have at most ${MAX_VERSIONS} versions`);
  const copy: TemplateVersion = {
    ...source,
    tag,
    id: uuid(),
    active: false,
    created_at: ctx.world.now(),
    headers: { ...source.headers },
    comment: (ctx.query.get('comment') ?? source.comment).slice(0, 1000),
  };
  t.versions.push(copy);
  // `template` is the deprecated name of `version` and has the same shape.
  return json(200, { message: 'version has been copied', version: versionView(copy), template: versionView(copy) });
}

export const templateRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/{domain_name}/templates',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const domain = domainOf(ctx);
      const sorted = [...domain.templates].sort((a, b) => (a.name < b.name ? -1 : 1));
      const page = pivotPage(
        sorted,
        (t) => t.name,
        readPivotRequest(ctx.query, 'p', { fallback: 10, max: 100 }),
        `${ctx.baseUrl}/v3/${domain.name}/templates`,
        'p',
      );
      return json(200, { items: page.items.map(baseView), paging: page.paging });
    },
  },
  { method: 'POST', path: '/v3/{domain_name}/templates', domainParam: 'domain_name', handler: create },
  {
    method: 'DELETE',
    path: '/v3/{domain_name}/templates',
    domainParam: 'domain_name',
    handler: (ctx) => {
      domainOf(ctx).templates = [];
      return json(200, { message: 'templates have been deleted' });
    },
  },
  { method: 'GET', path: '/v3/{domain_name}/templates/{template_name}', domainParam: 'domain_name', handler: getTemplate },
  {
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const t = findTemplate(ctx);
      const description = field(ctx, 'description');
      if (description !== undefined) t.description = description.slice(0, 1000);
      return json(200, { message: 'template has been updated', template: { name: t.name } });
    },
  },
  {
    method: 'DELETE',
    path: '/v3/{domain_name}/templates/{template_name}',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const t = findTemplate(ctx);
      const domain = domainOf(ctx);
      domain.templates = domain.templates.filter((other) => other !== t);
      return json(200, { message: 'template has been deleted', template: { name: t.name } });
    },
  },
  { method: 'GET', path: '/v3/{domain_name}/templates/{template_name}/versions', domainParam: 'domain_name', handler: listVersions },
  {
    method: 'POST',
    path: '/v3/{domain_name}/templates/{template_name}/versions',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const t = findTemplate(ctx);
      const version = newVersion(ctx, t, requiredField(ctx, 'template'), null);
      return json(200, {
        message: 'template version stored',
        template: { ...baseView(t), version: versionView(version) },
      });
    },
  },
  {
    method: 'GET',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const t = findTemplate(ctx);
      return json(200, { template: { ...baseView(t), version: versionView(findVersion(ctx, t)) } });
    },
  },
  {
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    domainParam: 'domain_name',
    handler: updateVersion,
  },
  {
    method: 'DELETE',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}',
    domainParam: 'domain_name',
    handler: (ctx) => {
      const t = findTemplate(ctx);
      const v = findVersion(ctx, t);
      t.versions = t.versions.filter((other) => other !== v);
      return json(200, { message: 'version has been deleted', template: { name: t.name, version: { tag: v.tag } } });
    },
  },
  {
    method: 'PUT',
    path: '/v3/{domain_name}/templates/{template_name}/versions/{version_name}/copy/{new_version_name}',
    domainParam: 'domain_name',
    handler: copyVersion,
  },
];
