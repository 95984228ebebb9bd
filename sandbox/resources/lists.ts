import { field, filesOf, param, type RequestContext, type RouteDef, regionOf, requiredField } from '../context';
import { parseCsv } from '../csv';
import { badRequest, json, notFound, type Reply } from '../errors';
import { isBareAddress, parseFlag, rfc2822 } from '../format';
import { pivotPage, readPivotRequest, skipLimit } from '../paging';
import type { ListMember, MailingList } from '../state';

const ACCESS_LEVELS = ['readonly', 'members', 'everyone'] as const;
const REPLY_PREFERENCES = ['list', 'sender'] as const;
const MAX_MEMBERS_PER_UPLOAD = 1000;
const MAX_CSV_BYTES = 5 * 1024 * 1024;

function listView(l: MailingList) {
  return {
    address: l.address,
    name: l.name,
    description: l.description,
    access_level: l.access_level,
    reply_preference: l.reply_preference,
    created_at: rfc2822(l.created_at, '-0000'),
    members_count: l.members.length,
  };
}

function memberView(m: ListMember) {
  return { address: m.address, name: m.name, vars: m.vars, subscribed: m.subscribed };
}

function findList(ctx: RequestContext): MailingList {
  const address = param(ctx, 'list_address').toLowerCase();
  return regionOf(ctx).lists.find((l) => l.address === address) ?? notFound(`Mailing list ${address} not found`);
}

function findMember(ctx: RequestContext, list: MailingList): ListMember {
  const address = param(ctx, 'member_address').toLowerCase();
  return list.members.find((m) => m.address === address) ?? notFound(`Member ${address} of mailing list ${list.address} not found`);
}

function checkedAddress(raw: string, what: string): string {
  const address = raw.trim().toLowerCase();
  if (!isBareAddress(address)) return badRequest(`'${raw.slice(0, 100)}' is not a valid ${what} address`);
  return address;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  return badRequest(`Invalid ${name} '${value.slice(0, 40)}'. It can be any of: ${allowed.map((a) => `'${a}'`).join(', ')}`);
}

function readVars(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  return badRequest("'vars' must be a JSON object");
}

function createList(ctx: RequestContext): Reply {
  const address = checkedAddress(requiredField(ctx, 'address'), 'list');
  const region = regionOf(ctx);
  if (region.lists.some((l) => l.address === address)) return badRequest(`Mailing list ${address} already exists`);
  const list: MailingList = {
    address,
    name: (field(ctx, 'name') ?? '').slice(0, 200),
    description: (field(ctx, 'description') ?? '').slice(0, 1000),
    access_level: pick(field(ctx, 'access_level'), ACCESS_LEVELS, 'access level') ?? 'readonly',
    reply_preference: pick(field(ctx, 'reply_preference'), REPLY_PREFERENCES, 'reply preference') ?? 'list',
    created_at: ctx.world.now(),
    members: [],
  };
  region.lists.push(list);
  return json(201, { list: listView(list), message: 'Mailing list has been created' });
}

function updateList(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const newAddress = field(ctx, 'address');
  const access = pick(field(ctx, 'access_level'), ACCESS_LEVELS, 'access level');
  const reply = pick(field(ctx, 'reply_preference'), REPLY_PREFERENCES, 'reply preference');
  if (newAddress !== undefined) {
    const address = checkedAddress(newAddress, 'list');
    if (address !== list.address && regionOf(ctx).lists.some((l) => l.address === address))
      return badRequest(`Mailing list ${address} already exists`);
    list.address = address;
  }
  const name = field(ctx, 'name');
  const description = field(ctx, 'description');
  if (name !== undefined) list.name = name.slice(0, 200);
  if (description !== undefined) list.description = description.slice(0, 1000);
  if (access) list.access_level = access;
  if (reply) list.reply_preference = reply;
  return json(200, { message: 'Mailing list has been updated', list: listView(list) });
}

function deleteList(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const region = regionOf(ctx);
  region.lists = region.lists.filter((l) => l !== list);
  return json(200, { address: list.address, message: 'Mailing list has been removed' });
}

function upsertMember(list: MailingList, member: ListMember, upsert: boolean): void {
  const existing = list.members.find((m) => m.address === member.address);
  if (existing && !upsert) badRequest(`Address already exists '${member.address}'`);
  if (existing) Object.assign(existing, member);
  else list.members.push(member);
}

function addMember(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const member: ListMember = {
    address: checkedAddress(requiredField(ctx, 'address'), 'member'),
    name: (field(ctx, 'name') ?? '').slice(0, 200),
    vars: readVars(field(ctx, 'vars')) ?? {},
    subscribed: parseFlag(field(ctx, 'subscribed'), 'subscribed') ?? true,
  };
  upsertMember(list, member, parseFlag(field(ctx, 'upsert'), 'upsert') ?? false);
  return json(200, { member: memberView(member), message: 'Mailing list member has been created' });
}

function addMembersJson(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const raw = ctx.body.kind === 'json' ? JSON.stringify(ctx.body.value) : requiredField(ctx, 'members');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return badRequest("'members' must be a JSON array");
  }
  if (!Array.isArray(parsed)) return badRequest("'members' must be a JSON array");
  if (parsed.length > MAX_MEMBERS_PER_UPLOAD) return badRequest(`At most ${MAX_MEMBERS_PER_UPLOAD} members per upload`);
  const upsert = parseFlag(field(ctx, 'upsert'), 'upsert') ?? false;
  const members = parsed.map((entry): ListMember => {
    if (typeof entry === 'string') return { address: checkedAddress(entry, 'member'), name: '', vars: {}, subscribed: true };
    if (typeof entry !== 'object' || entry === null) return badRequest('Each member must be an address or an object');
    const record = entry as Record<string, unknown>;
    const vars = record.vars;
    return {
      address: checkedAddress(typeof record.address === 'string' ? record.address : '', 'member'),
      name: typeof record.name === 'string' ? record.name.slice(0, 200) : '',
      vars:
        typeof vars === 'object' && vars !== null && !Array.isArray(vars)
          ? (vars as Record<string, unknown>)
          : typeof vars === 'string'
            ? (readVars(vars) ?? {})
            : {},
      subscribed:
        record.subscribed === undefined ? true : record.subscribed === true || record.subscribed === 'yes' || record.subscribed === 'true',
    };
  });
  for (const member of members) upsertMember(list, member, upsert);
  return json(200, {
    list: listView(list),
    'task-id': `sandbox-${ctx.world.nextSequence()}`,
    message: 'Mailing list upload started in background',
  });
}

/** A CSV with a header row naming `address` and optionally `name`, `vars` and `subscribed`. */
function addMembersCsv(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const file = filesOf(ctx, 'members')[0] ?? badRequest('Missing mandatory parameter: members (a CSV file)');
  if (file.data.length > MAX_CSV_BYTES) return badRequest('The CSV file must be 5 MB or smaller');
  const rows =
    parseCsv(file.data.toString('utf8'), MAX_MEMBERS_PER_UPLOAD + 1) ??
    badRequest(`The CSV file is malformed or has more than ${MAX_MEMBERS_PER_UPLOAD} rows`);
  const [header = [], ...body] = rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  const column = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const at = { address: column('address'), name: column('name'), vars: column('vars'), subscribed: column('subscribed') };
  if (at.address === -1) return badRequest("The CSV file needs an 'address' column");
  const subscribedByDefault = parseFlag(field(ctx, 'subscribed'), 'subscribed') ?? true;
  const upsert = parseFlag(field(ctx, 'upsert'), 'upsert') ?? false;
  const members = body.map((row): ListMember => {
    const cell = (i: number) => (i === -1 ? undefined : row[i]?.trim());
    const subscribed = cell(at.subscribed);
    return {
      address: checkedAddress(cell(at.address) ?? '', 'member'),
      name: (cell(at.name) ?? '').slice(0, 200),
      vars: readVars(cell(at.vars) || undefined) ?? {},
      subscribed: subscribed ? (parseFlag(subscribed, 'subscribed') ?? subscribedByDefault) : subscribedByDefault,
    };
  });
  for (const member of members) upsertMember(list, member, upsert);
  return json(200, { list: listView(list), 'task-id': `sandbox-${ctx.world.nextSequence()}`, message: 'Bulk member upload queued' });
}

function updateMember(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const member = findMember(ctx, list);
  const newAddress = field(ctx, 'address');
  const name = field(ctx, 'name');
  const vars = readVars(field(ctx, 'vars'));
  const subscribed = parseFlag(field(ctx, 'subscribed'), 'subscribed');
  if (newAddress !== undefined) member.address = checkedAddress(newAddress, 'member');
  if (name !== undefined) member.name = name.slice(0, 200);
  if (vars) member.vars = vars;
  if (subscribed !== undefined) member.subscribed = subscribed;
  return json(200, { member: memberView(member), message: 'Mailing list member has been updated' });
}

function deleteMember(ctx: RequestContext): Reply {
  const list = findList(ctx);
  const member = findMember(ctx, list);
  list.members = list.members.filter((m) => m !== member);
  return json(200, { member: { address: member.address }, message: 'Mailing list member has been deleted' });
}

function membersFiltered(ctx: RequestContext, list: MailingList): ListMember[] {
  const subscribed = parseFlag(ctx.query.get('subscribed') ?? undefined, 'subscribed');
  return list.members
    .filter((m) => subscribed === undefined || m.subscribed === subscribed)
    .sort((a, b) => (a.address < b.address ? -1 : 1));
}

const sortedLists = (ctx: RequestContext): MailingList[] => [...regionOf(ctx).lists].sort((a, b) => (a.address < b.address ? -1 : 1));

export const listRoutes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v3/lists',
    handler: (ctx) => {
      const address = ctx.query.get('address')?.toLowerCase();
      const page = skipLimit(
        sortedLists(ctx).filter((l) => !address || l.address === address),
        ctx.query,
        { fallback: 100, max: 1000 },
      );
      return json(200, { total_count: page.total_count, items: page.items.map(listView) });
    },
  },
  {
    method: 'GET',
    path: '/v3/lists/pages',
    handler: (ctx) => {
      const page = pivotPage(
        sortedLists(ctx),
        (l) => l.address,
        readPivotRequest(ctx.query, 'address', { fallback: 100, max: 1000 }),
        `${ctx.baseUrl}/v3/lists/pages`,
        'address',
        {},
        'prev',
      );
      return json(200, { items: page.items.map(listView), paging: page.paging });
    },
  },
  { method: 'POST', path: '/v3/lists', handler: createList },
  { method: 'GET', path: '/v3/lists/{list_address}', handler: (ctx) => json(200, { list: listView(findList(ctx)) }) },
  { method: 'PUT', path: '/v3/lists/{list_address}', handler: updateList },
  { method: 'DELETE', path: '/v3/lists/{list_address}', handler: deleteList },
  {
    method: 'GET',
    path: '/v3/lists/{list_address}/members',
    handler: (ctx) => {
      const page = skipLimit(membersFiltered(ctx, findList(ctx)), ctx.query, { fallback: 100, max: 1000 });
      return json(200, { total_count: page.total_count, items: page.items.map(memberView) });
    },
  },
  {
    method: 'GET',
    path: '/v3/lists/{list_address}/members/pages',
    handler: (ctx) => {
      const list = findList(ctx);
      const request = readPivotRequest(ctx.query, 'address', { fallback: 100, max: 1000 });
      const page = pivotPage(
        membersFiltered(ctx, list),
        (m) => m.address,
        request,
        `${ctx.baseUrl}/v3/lists/${encodeURIComponent(list.address)}/members/pages`,
        'address',
        {},
        'prev',
      );
      return json(200, { items: page.items.map(memberView), paging: page.paging });
    },
  },
  { method: 'POST', path: '/v3/lists/{list_address}/members', handler: addMember },
  { method: 'POST', path: '/v3/lists/{list_address}/members.json', handler: addMembersJson },
  { method: 'POST', path: '/v3/lists/{list_address}/members.csv', handler: addMembersCsv },
  {
    method: 'GET',
    path: '/v3/lists/{list_address}/members/{member_address}',
    handler: (ctx) => json(200, { member: memberView(findMember(ctx, findList(ctx))) }),
  },
  { method: 'PUT', path: '/v3/lists/{list_address}/members/{member_address}', handler: updateMember },
  { method: 'DELETE', path: '/v3/lists/{list_address}/members/{member_address}', handler: deleteMember },
];
