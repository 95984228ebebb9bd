/**
 * The shape of the endpoint catalog. Entries are plain typed data so both
 * processes (and scripts) can import them without parsing anything at run time.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How the request body is encoded; `none` means every parameter goes in the path or query. */
export type BodyEncoding = 'none' | 'multipart' | 'urlencoded' | 'json';

/**
 * The six paging schemes Mailgun uses, plus `none`.
 * - `paging-urls`: response has `paging.{first,next,previous,last}` URLs with a pivot (suppressions, templates, v3 tags, list pages, dkim keys, dynamic pools).
 * - `events-token`: response `paging.next`/`previous` are `/v3/{domain}/events/{token}` URLs.
 * - `skip-limit`: `skip`/`limit` query parameters with `total_count` in the response.
 * - `json-body`: request body carries `pagination {sort, skip, limit}`, response echoes it with `total`.
 * - `logs-token`: request body `pagination {sort, token, limit}`, response has `first/last/next/previous` tokens.
 * - `validation-pivot`: bulk validation lists follow a `pivot` query parameter.
 */
export type PaginationScheme = 'none' | 'paging-urls' | 'events-token' | 'skip-limit' | 'json-body' | 'logs-token' | 'validation-pivot';

export type ParamLocation = 'path' | 'query' | 'body' | 'header';

/** What a parameter holds; drives the editor control, validation and encoding. */
export type ParamType =
  | { kind: 'string'; format?: 'domain' | 'ip' | 'id' | 'text' | 'mime-header'; maxLength?: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  /** `yes-no` is Mailgun's usual form encoding; `true-false` where the API wants those words or a JSON boolean. */
  | { kind: 'boolean'; style: 'yes-no' | 'true-false' }
  | { kind: 'enum'; values: readonly string[] }
  /** `rfc2822` e.g. `Thu, 13 Oct 2011 18:02:00 +0000`; `epoch` seconds; `either` accepts both. */
  | { kind: 'date'; format: 'rfc2822' | 'epoch' | 'either' }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'file'; accept?: string; maxBytes?: number }
  /** A JSON value; for `json` encoded bodies this is a nested object or array. */
  | { kind: 'json' };

export type ParamKind = ParamType['kind'];

/** A scalar example or default; files are described by a file name. */
export type ParamValue = string | number | boolean | readonly string[] | JsonValue;

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface ParamDef {
  readonly name: string;
  readonly in: ParamLocation;
  readonly type: ParamType;
  readonly required: boolean;
  /** Sent once per value (`to=a&to=b`), never joined. */
  readonly repeatable: boolean;
  readonly default?: string | number | boolean;
  /** A realistic value Mailgun would accept; for files, the file name. Must be valid for `type`. */
  readonly example: ParamValue;
  /** One or two sentences in our own words. */
  readonly description: string;
  /** False where this example contradicts another field's (a stored template instead of html): "Fill examples" leaves it empty. */
  readonly fillExample?: false;
}

/** Open-ended parameter families whose names are chosen by the caller. */
export type ParamFamilyId = 'o:' | 'h:' | 'v:' | 't:' | 'recipient-variables';

export interface ParamFamily {
  readonly id: ParamFamilyId;
  readonly label: string;
  readonly description: string;
  /** Well-known members, e.g. `o:tag`, `o:deliverytime`, `t:version`. */
  readonly known: readonly {
    readonly name: string;
    readonly type: ParamType;
    readonly repeatable: boolean;
    readonly example: ParamValue;
    readonly description: string;
  }[];
}

export type GroupId =
  | 'messages'
  | 'domains'
  | 'domain-keys'
  | 'domain-tracking'
  | 'dkim-security'
  | 'credentials'
  | 'webhooks'
  | 'routes'
  | 'mailing-lists'
  | 'templates'
  | 'events'
  | 'logs'
  | 'tags'
  | 'tags-new'
  | 'stats'
  | 'metrics'
  | 'bounces'
  | 'unsubscribes'
  | 'complaints'
  | 'allowlist'
  | 'ips'
  | 'ip-pools'
  | 'dynamic-ip-pools'
  | 'ip-warmup'
  | 'ip-allowlist'
  | 'subaccounts'
  | 'account'
  | 'users'
  | 'keys'
  | 'custom-message-limit'
  | 'alerts'
  | 'bounce-classification'
  | 'validations'
  | 'inbox-placement'
  | 'email-preview'
  | 'sandbox-recipients';

export interface GroupDef {
  readonly id: GroupId;
  readonly title: string;
  readonly description: string;
  readonly deprecated?: boolean;
  /** The group that replaces a deprecated one. */
  readonly replacedBy?: GroupId;
}

export interface ExampleResponse {
  readonly status: number;
  readonly contentType: 'application/json' | 'text/plain' | 'text/csv';
  readonly body: JsonValue;
}

export interface EndpointDef {
  /** Stable, kebab-case, unique across the catalog, e.g. `messages.send`. Never reuse or rename. */
  readonly id: string;
  readonly group: GroupId;
  readonly method: HttpMethod;
  /** Exactly as Mailgun documents it, version included: `/v3/{domain_name}/messages`. */
  readonly path: string;
  /** One line, our own words. */
  readonly summary: string;
  /** A short paragraph, our own words. */
  readonly description: string;
  readonly deprecated: boolean;
  /** Id of the endpoint to use instead, when deprecated. */
  readonly replacedBy?: string;
  /** True when calling it creates, changes or deletes something. */
  readonly mutates: boolean;
  /** True only where a domain sending key is accepted (sending on its own domain). */
  readonly sendingKeyAllowed: boolean;
  readonly encoding: BodyEncoding;
  readonly pagination: PaginationScheme;
  /** The endpoint that fetches further pages, when it is not this one (an event search pages through `events.page`). */
  readonly pageWith?: string;
  readonly params: readonly ParamDef[];
  readonly families?: readonly ParamFamilyId[];
  readonly exampleResponse: ExampleResponse;
  /** True for endpoints documented by Mailgun outside the OpenAPI file (extra Validate and Inbox Placement calls). */
  readonly beyondSpec?: boolean;
}
