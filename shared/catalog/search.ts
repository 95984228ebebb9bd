import { catalog, groups } from './catalog';
import { pathSegments } from './match-request';
import type { EndpointDef, GroupDef, GroupId, HttpMethod } from './types';

export type SearchField = 'summary' | 'path' | 'group' | 'keyword' | 'param' | 'id' | 'method';

export interface SearchMatch {
  readonly field: SearchField;
  /**
   * What matched in that field, for highlighting: words of the summary or group
   * title, path segments or the path fragment, parameter names, the method.
   */
  readonly terms: readonly string[];
}

export interface SearchResult {
  readonly endpoint: EndpointDef;
  readonly score: number;
  readonly matches: readonly SearchMatch[];
}

export interface SearchOptions {
  /** At most this many results. */
  readonly limit?: number;
  /** Deprecated endpoints are included (ranked slightly lower) unless this is false. */
  readonly includeDeprecated?: boolean;
  readonly groups?: readonly GroupId[];
}

export type CatalogSearch = (query: string, options?: SearchOptions) => SearchResult[];

/** Words people type for a group that its title and paths do not contain. */
const GROUP_KEYWORDS: Partial<Record<GroupId, readonly string[]>> = {
  messages: ['send', 'sending', 'email', 'mail', 'mime'],
  bounces: ['suppression', 'bounce'],
  unsubscribes: ['suppression', 'unsubscribe', 'opt-out'],
  complaints: ['suppression', 'complaint', 'spam'],
  allowlist: ['suppression', 'whitelist', 'allow'],
  events: ['log', 'logs'],
  logs: ['event', 'events'],
  'domain-keys': ['dkim'],
  'dkim-security': ['dkim', 'rotation'],
  'domain-tracking': ['tracking', 'click', 'open'],
  metrics: ['stats', 'statistics', 'analytics'],
  stats: ['metrics', 'statistics'],
  'tags-new': ['tag', 'analytics'],
  tags: ['tag'],
  'ip-allowlist': ['whitelist'],
  'mailing-lists': ['list', 'members'],
  'sandbox-recipients': ['sandbox', 'authorized', 'recipients'],
  keys: ['api', 'key'],
  validations: ['validate', 'verify', 'address'],
  'inbox-placement': ['seed', 'placement'],
  webhooks: ['callback'],
  'ip-warmup': ['warmup'],
  credentials: ['smtp'],
};

const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = {
  group: 4,
  summary: 3,
  path: 3,
  keyword: 2.5,
  id: 2,
  param: 1,
  method: 0,
};
const FIELDS: readonly SearchField[] = ['summary', 'path', 'group', 'keyword', 'param', 'id', 'method'];
const FIELD_COUNT = FIELDS.length;
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'in',
  'on',
  'and',
  'or',
  'by',
  'with',
  'from',
  'its',
  'your',
  'as',
  'at',
  'is',
  'be',
  'this',
  'that',
  'one',
]);
const DEPRECATED_FACTOR = 0.85;
/**
 * The everyday call among near-twins: "send a message" means the form-based send far more often than the raw
 * MIME upload, whose shorter summary would otherwise rank it first. Small enough to decide only near-ties.
 */
const EVERYDAY_FACTOR: Readonly<Record<string, number>> = { 'messages.send': 1.05 };
/** Results that match only some of the words rank below any result matching them all. */
const PARTIAL_FACTOR = 0.3;

/** Lower-cases and strips plural endings so "bounces" and "bounce" meet. */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
}

interface Posting {
  readonly doc: number;
  readonly field: number;
  /** Share of the field's words this one word makes up: a short field matched fully counts more. */
  readonly coverage: number;
  /** The text to highlight. */
  readonly term: string;
}

/** Reused rows for editDistance, so typing does not churn the garbage collector. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau–Levenshtein (optimal string alignment) distance between `a` and the
 * first `bLength` characters of `b`, giving up with `max + 1` once it must exceed `max`.
 */
function editDistance(a: string, b: string, max: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > max) return max + 1;
  if (rowA.length <= bLength) {
    rowA = new Int32Array(bLength + 1);
    rowB = new Int32Array(bLength + 1);
    rowC = new Int32Array(bLength + 1);
  }
  let twoBack = rowA;
  let prev = rowB;
  let row = rowC;
  for (let j = 0; j <= bLength; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= bLength; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (twoBack[j - 2] as number) + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = twoBack;
    twoBack = prev;
    prev = row;
    row = spare;
  }
  return prev[bLength] as number;
}

/** One bit per letter (digits share six bits): two words within `d` edits differ in at most 2·d bits. */
function letterMask(word: string, length = word.length): number {
  let mask = 0;
  for (let i = 0; i < length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 6));
  }
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface SearchIndex {
  readonly endpoints: readonly EndpointDef[];
  /** Sorted, so every word with a given prefix sits in one run. */
  readonly vocabulary: readonly string[];
  readonly masks: Int32Array;
  /** Vocabulary positions by word length, for typo matching. */
  readonly byLength: readonly (readonly number[])[];
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  readonly paths: readonly string[];
  readonly pathSegmentsOf: readonly (readonly string[])[];
  readonly matchCache: Map<string, readonly (readonly [string, number])[]>;
}

function buildIndex(endpoints: readonly EndpointDef[], groupDefs: readonly GroupDef[]): SearchIndex {
  const postings = new Map<string, Posting[]>();
  const groupTitle = new Map(groupDefs.map((g) => [g.id, g.title]));
  const add = (doc: number, field: SearchField, entries: readonly { word: string; term: string }[], countable = entries.length) => {
    const seen = new Set<string>();
    for (const { word, term } of entries) {
      const token = stem(word);
      const key = `${token}\u0000${term}`;
      if (token === '' || seen.has(key)) continue;
      seen.add(key);
      const list = postings.get(token) ?? [];
      list.push({ doc, field: FIELDS.indexOf(field), coverage: 1 / Math.max(1, countable), term });
      postings.set(token, list);
    }
  };
  endpoints.forEach((e, doc) => {
    const summaryWords = words(e.summary).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    add(
      doc,
      'summary',
      summaryWords.map((w) => ({ word: w, term: w })),
    );

    const literalSegments = e.path.split('/').filter((s) => s !== '' && !s.startsWith('{'));
    const pathWords = literalSegments.flatMap((s) => words(s).map((w) => ({ word: w, term: s })));
    const meaningful = literalSegments.filter((s) => !/^v\d+$/.test(s)).flatMap(words).length;
    add(doc, 'path', pathWords, meaningful);

    const title = groupTitle.get(e.group) ?? e.group;
    add(
      doc,
      'group',
      [...words(title).map((w) => ({ word: w, term: w })), ...words(e.group).map((w) => ({ word: w, term: title }))],
      words(title).length,
    );
    add(
      doc,
      'keyword',
      (GROUP_KEYWORDS[e.group] ?? []).flatMap((k) => words(k).map((w) => ({ word: w, term: k }))),
      1,
    );
    add(
      doc,
      'param',
      e.params.flatMap((p) => words(p.name).map((w) => ({ word: w, term: p.name }))),
      1,
    );
    add(
      doc,
      'id',
      words(e.id).map((w) => ({ word: w, term: e.id })),
    );
  });
  const vocabulary = [...postings.keys()].sort();
  const byLength: number[][] = [];
  vocabulary.forEach((token, i) => {
    for (let l = byLength.length; l <= token.length; l += 1) byLength.push([]);
    byLength[token.length]?.push(i);
  });
  return {
    endpoints,
    vocabulary,
    masks: Int32Array.from(vocabulary, (token) => letterMask(token)),
    byLength,
    postings,
    paths: endpoints.map((e) => e.path.toLowerCase()),
    pathSegmentsOf: endpoints.map((e) =>
      e.path
        .toLowerCase()
        .split('/')
        .filter((s) => s !== ''),
    ),
    matchCache: new Map(),
  };
}

/** First vocabulary position not sorting before `prefix`. */
function lowerBound(vocabulary: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((vocabulary[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indexed words matching a typed word, with a quality from 0 to 1: exact 1,
 * prefix 0.75–0.95, one typo 0.6, two typos (long words) 0.45, a typo in a
 * word still being typed 0.5.
 */
function matchingTokens(index: SearchIndex, query: string): readonly (readonly [string, number])[] {
  const cached = index.matchCache.get(query);
  if (cached) return cached;
  const { vocabulary, masks, byLength } = index;
  const found = new Map<string, number>();
  const offer = (token: string, quality: number) => {
    if (quality > (found.get(token) ?? 0)) found.set(token, quality);
  };
  if (index.postings.has(query)) offer(query, 1);
  for (let i = lowerBound(vocabulary, query); i < vocabulary.length; i += 1) {
    const token = vocabulary[i] as string;
    if (!token.startsWith(query)) break;
    if (token !== query) offer(token, 0.75 + 0.2 * (query.length / token.length));
  }
  const length = query.length;
  if (length >= 4) {
    const max = length >= 7 ? 2 : 1;
    const queryMask = letterMask(query);
    for (let l = Math.max(1, length - max); l <= length + max && l < byLength.length; l += 1) {
      for (const i of byLength[l] ?? []) {
        if (bitCount(queryMask ^ (masks[i] as number)) > 2 * max) continue;
        const token = vocabulary[i] as string;
        const d = editDistance(query, token, max);
        if (d > 0 && d <= max) offer(token, d === 1 ? 0.6 : 0.45);
      }
    }
  }
  if (length >= 5) {
    // A word still being typed, with a slip after its first two letters.
    const start = query.slice(0, 2);
    const queryMask = letterMask(query);
    for (let i = lowerBound(vocabulary, start); i < vocabulary.length; i += 1) {
      const token = vocabulary[i] as string;
      if (!token.startsWith(start)) break;
      if (token.length <= length || found.has(token)) continue;
      if (bitCount(queryMask ^ letterMask(token, length)) > 2) continue;
      if (editDistance(query, token, 1, length) <= 1) offer(token, 0.5);
    }
  }
  const result = [...found];
  // Keystroke-by-keystroke queries repeat; a small bounded cache is plenty.
  if (index.matchCache.size > 500) index.matchCache.clear();
  index.matchCache.set(query, result);
  return result;
}

/** Scores how well a path fragment such as `/v3/lists` or `/v3/mg.example.com/messages` fits an endpoint's path. */
function pathFragmentScore(
  index: SearchIndex,
  doc: number,
  fragment: string,
  fragmentSegments: readonly string[],
  literalOnly: boolean,
): number {
  const path = index.paths[doc] ?? '';
  if (path.includes(fragment)) return 10 + 5 * (fragment.length / path.length);
  if (literalOnly) return 0;
  const template = index.pathSegmentsOf[doc] ?? [];
  if (fragmentSegments.length === 0 || fragmentSegments.length > template.length) return 0;
  // A concrete path: placeholders accept any value, literals must agree.
  for (let i = 0; i < fragmentSegments.length; i += 1) {
    const t = template[i] ?? '';
    const f = fragmentSegments[i] ?? '';
    const last = i === fragmentSegments.length - 1;
    if (t.startsWith('{')) continue;
    if (t === f || (last && t.startsWith(f))) continue;
    return 0;
  }
  return 8 + 4 * (fragmentSegments.length / template.length);
}

interface ParsedQuery {
  readonly method?: HttpMethod;
  readonly words: readonly string[];
  readonly fragments: readonly string[];
}

function parseQuery(query: string): ParsedQuery {
  const parts = query
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  let method: HttpMethod | undefined;
  const rest: string[] = [];
  for (const [i, part] of parts.entries()) {
    const upper = part.toUpperCase();
    if (method === undefined && (i === 0 || i === parts.length - 1) && METHODS.has(upper)) method = upper as HttpMethod;
    else rest.push(part);
  }
  const fragments = rest.filter((p) => p.includes('/')).map((p) => `/${pathSegments(p).join('/')}`.toLowerCase());
  const plain = rest
    .filter((p) => !p.includes('/'))
    .flatMap(words)
    .map(stem)
    .filter((w) => !STOP_WORDS.has(w));
  return { ...(method ? { method } : {}), words: plain, fragments };
}

function runSearch(index: SearchIndex, query: string, options: SearchOptions): SearchResult[] {
  const { endpoints } = index;
  const parsed = parseQuery(query);
  const allowedGroups = options.groups ? new Set(options.groups) : undefined;
  const eligible = (e: EndpointDef) =>
    (parsed.method === undefined || e.method === parsed.method) &&
    (options.includeDeprecated !== false || !e.deprecated) &&
    (allowedGroups === undefined || allowedGroups.has(e.group));

  const n = endpoints.length;
  const totals = new Float64Array(n);
  const matchedWords = new Uint16Array(n);
  // What matched where, kept flat; turned into SearchMatch lists only for the results returned.
  const hitDoc: number[] = [];
  const hitField: number[] = [];
  const hitTerm: string[] = [];

  const best = new Float64Array(n * FIELD_COUNT);
  for (const word of parsed.words) {
    best.fill(0);
    for (const [token, quality] of matchingTokens(index, word)) {
      for (const p of index.postings.get(token) ?? []) {
        const value = FIELD_WEIGHT[FIELDS[p.field] as SearchField] * quality * (0.6 + 0.4 * p.coverage);
        const slot = p.doc * FIELD_COUNT + p.field;
        if (value > (best[slot] as number)) best[slot] = value;
        hitDoc.push(p.doc);
        hitField.push(p.field);
        hitTerm.push(p.term);
      }
    }
    for (let doc = 0; doc < n; doc += 1) {
      let top = 0;
      let sum = 0;
      for (let f = 0; f < FIELD_COUNT; f += 1) {
        const v = best[doc * FIELD_COUNT + f] as number;
        sum += v;
        if (v > top) top = v;
      }
      if (top > 0) {
        // The best field decides; other fields that also match break ties.
        totals[doc] = (totals[doc] as number) + top + 0.15 * (sum - top);
        matchedWords[doc] = (matchedWords[doc] as number) + 1;
      }
    }
  }

  const fragmentSegments = parsed.fragments.map((f) => f.split('/').filter((s) => s !== ''));
  // When some template contains the fragment as typed, `/v3/lists` should not also match `/v3/{domain_name}/...`.
  const literalOnly = parsed.fragments.map((f) => index.paths.some((p) => p.includes(f)));
  const wanted = parsed.words.length;
  let anyComplete = false;
  const scored: { doc: number; score: number; complete: boolean }[] = [];
  for (let doc = 0; doc < n; doc += 1) {
    const endpoint = endpoints[doc] as EndpointDef;
    if (!eligible(endpoint)) continue;
    let score = totals[doc] as number;
    let fragmentsOk = true;
    parsed.fragments.forEach((fragment, i) => {
      const s = pathFragmentScore(index, doc, fragment, fragmentSegments[i] ?? [], literalOnly[i] ?? false);
      if (s === 0) fragmentsOk = false;
      score += s;
    });
    if (!fragmentsOk) continue;
    const matched = matchedWords[doc] as number;
    if (wanted > 0 && matched === 0) continue;
    const complete = matched === wanted;
    if (complete) anyComplete = true;
    if (endpoint.deprecated) score *= DEPRECATED_FACTOR;
    score *= EVERYDAY_FACTOR[endpoint.id] ?? 1;
    scored.push({ doc, score: complete ? score : score * PARTIAL_FACTOR, complete });
  }
  const kept = anyComplete ? scored.filter((s) => s.complete) : scored;
  // Stable sort keeps catalog order among equal scores.
  kept.sort((a, b) => b.score - a.score);
  const shown = options.limit === undefined ? kept : kept.slice(0, options.limit);

  const matchesOf = new Map<number, Map<number, Set<string>>>(shown.map((s) => [s.doc, new Map()]));
  for (let h = 0; h < hitDoc.length; h += 1) {
    const byField = matchesOf.get(hitDoc[h] as number);
    if (!byField) continue;
    const field = hitField[h] as number;
    const set = byField.get(field) ?? new Set<string>();
    set.add(hitTerm[h] as string);
    byField.set(field, set);
  }
  const pathField = FIELDS.indexOf('path');
  return shown.map((s) => {
    const byField = matchesOf.get(s.doc) ?? new Map<number, Set<string>>();
    if (parsed.fragments.length > 0) {
      const set = byField.get(pathField) ?? new Set<string>();
      for (const fragment of parsed.fragments) set.add(fragment);
      byField.set(pathField, set);
    }
    const matches: SearchMatch[] = parsed.method ? [{ field: 'method', terms: [parsed.method] }] : [];
    for (const [field, set] of byField) matches.push({ field: FIELDS[field] as SearchField, terms: [...set] });
    return { endpoint: endpoints[s.doc] as EndpointDef, score: s.score, matches };
  });
}

/** A search over any list of endpoints; the index is built on the first query. */
export function createCatalogSearch(endpoints: readonly EndpointDef[], groupDefs: readonly GroupDef[]): CatalogSearch {
  let index: SearchIndex | undefined;
  return (query, options = {}) => {
    index ??= buildIndex(endpoints, groupDefs);
    return runSearch(index, query, options);
  };
}

/**
 * Ranked, typo-tolerant search over the whole catalog: summaries, paths, group
 * titles and parameter names. `post messages` filters by method; words with a
 * `/` match paths, including concrete ones such as `/v3/mg.example.com/messages`.
 * An empty query returns every endpoint in sidebar order.
 */
export const searchCatalog: CatalogSearch = createCatalogSearch(catalog, groups);
