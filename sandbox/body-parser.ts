import { MAX_MESSAGE_BYTES } from '../shared/limits';
/**
 * Request-body parsing for the sandbox: multipart/form-data, urlencoded forms
 * and JSON. Bodies are fed chunk by chunk so limits bite as soon as they are
 * crossed, and every problem comes back as a value; nothing here throws on
 * bad input, because the bytes come from whatever client the user points at it.
 */

export interface FormField {
  readonly name: string;
  readonly value: string;
}

export interface FormFile {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface FormBody {
  readonly fields: readonly FormField[];
  readonly files: readonly FormFile[];
}

export type ParsedBody =
  | { readonly kind: 'empty'; readonly bytes: 0 }
  | { readonly kind: 'form'; readonly encoding: 'multipart' | 'urlencoded'; readonly form: FormBody; readonly bytes: number }
  | { readonly kind: 'json'; readonly value: unknown; readonly bytes: number }
  | { readonly kind: 'other'; readonly contentType: string; readonly bytes: number };

export interface BodyError {
  readonly status: 400 | 413;
  readonly message: string;
}

export type BodyOutcome = { readonly ok: true; readonly body: ParsedBody } | { readonly ok: false; readonly error: BodyError };

export interface BodyLimits {
  /** Whole request body, all parts included. */
  readonly maxBytes: number;
  readonly maxParts: number;
  /** Header block of one multipart part. */
  readonly maxHeaderBytes: number;
  /** One non-file field; files are only bound by maxBytes. */
  readonly maxFieldBytes: number;
}

/** Mailgun refuses request bodies over 52.4 MiB before looking at them. */
export const MAILGUN_REQUEST_CAP_BYTES = Math.floor(52.4 * 1024 * 1024);

export const defaultBodyLimits: BodyLimits = {
  maxBytes: MAILGUN_REQUEST_CAP_BYTES,
  maxParts: 5000,
  maxHeaderBytes: 16 * 1024,
  maxFieldBytes: MAX_MESSAGE_BYTES,
};

export function requestTooLarge(): BodyError {
  return { status: 413, message: 'request size exceeds 52.4MiB limit' };
}

export interface ContentType {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Splits `type/sub; a=b; c="d"`; keys are lower-cased, quoted values unescaped. */
export function parseContentType(header: string | undefined): ContentType {
  if (!header) return { type: '', params: {} };
  const semi = header.indexOf(';');
  const type = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  const params = semi === -1 ? {} : parseHeaderParams(header.slice(semi + 1));
  return { type, params };
}

/** Parses `; name="x"; filename*=UTF-8''y` style parameters without ever throwing. */
export function parseHeaderParams(input: string): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  let i = 0;
  const n = Math.min(input.length, 8192);
  while (i < n) {
    while (i < n && (input[i] === ';' || input[i] === ' ' || input[i] === '\t')) i++;
    let key = '';
    while (i < n && input[i] !== '=' && input[i] !== ';') key += input[i++];
    key = key.trim().toLowerCase();
    if (i >= n || input[i] === ';') {
      continue;
    }
    i++;
    while (i < n && (input[i] === ' ' || input[i] === '\t')) i++;
    let value = '';
    if (input[i] === '"') {
      i++;
      while (i < n && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < n) i++;
        value += input[i++];
      }
      i++;
    } else {
      while (i < n && input[i] !== ';') value += input[i++];
      value = value.trim();
    }
    if (key.endsWith('*')) {
      const decoded = decodeExtendedValue(value);
      if (decoded !== null) params[key.slice(0, -1)] = decoded;
    } else if (key !== '' && !(key in params)) {
      params[key] = value;
    }
  }
  return params;
}

function decodeExtendedValue(value: string): string | null {
  const match = /^[^']*'[^']*'(.*)$/.exec(value);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export interface BodyParser {
  /** Returns an error as soon as the body can no longer be accepted; later writes are ignored. */
  write(chunk: Uint8Array): BodyError | null;
  end(): BodyOutcome;
}

/** Picks the parser for a Content-Type header. Unknown types are only counted, not kept. */
export function createBodyParser(contentTypeHeader: string | undefined, limits: BodyLimits = defaultBodyLimits): BodyParser {
  const contentType = parseContentType(contentTypeHeader);
  if (contentType.type === 'multipart/form-data' || contentType.type === 'application/form-data') {
    const boundary = contentType.params.boundary;
    if (boundary !== undefined && boundary.length > 0 && boundary.length <= 200) return createMultipartParser(boundary, limits);
    if (contentType.type === 'multipart/form-data')
      return failingParser({ status: 400, message: 'multipart body has no boundary in its Content-Type' }, limits);
  }
  if (contentType.type === 'application/x-www-form-urlencoded' || contentType.type === 'application/form-data') {
    return collectingParser(limits, (bytes) => parseUrlEncoded(bytes, limits));
  }
  if (contentType.type === 'application/json' || contentType.type.endsWith('+json')) {
    return collectingParser(limits, parseJsonBody);
  }
  let total = 0;
  return {
    write(chunk) {
      total += chunk.length;
      return total > limits.maxBytes ? requestTooLarge() : null;
    },
    end() {
      if (total > limits.maxBytes) return { ok: false, error: requestTooLarge() };
      return { ok: true, body: total === 0 ? { kind: 'empty', bytes: 0 } : { kind: 'other', contentType: contentType.type, bytes: total } };
    },
  };
}

function failingParser(error: BodyError, limits: BodyLimits): BodyParser {
  let total = 0;
  return {
    write(chunk) {
      total += chunk.length;
      return total > limits.maxBytes ? requestTooLarge() : null;
    },
    end() {
      return { ok: false, error: total > limits.maxBytes ? requestTooLarge() : error };
    },
  };
}

function collectingParser(limits: BodyLimits, finish: (bytes: Buffer) => BodyOutcome): BodyParser {
  const chunks: Buffer[] = [];
  let total = 0;
  let failed: BodyError | null = null;
  return {
    write(chunk) {
      if (failed) return failed;
      total += chunk.length;
      if (total > limits.maxBytes) {
        failed = requestTooLarge();
        chunks.length = 0;
        return failed;
      }
      chunks.push(Buffer.from(chunk));
      return null;
    },
    end() {
      if (failed) return { ok: false, error: failed };
      if (total === 0) return { ok: true, body: { kind: 'empty', bytes: 0 } };
      return finish(Buffer.concat(chunks, total));
    },
  };
}

export function parseUrlEncoded(bytes: Uint8Array, limits: BodyLimits = defaultBodyLimits): BodyOutcome {
  if (bytes.length > limits.maxBytes) return { ok: false, error: requestTooLarge() };
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  let pairs = 1;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 38) pairs++;
  if (pairs > limits.maxParts) return { ok: false, error: { status: 400, message: `too many form fields (at most ${limits.maxParts})` } };
  const fields: FormField[] = [];
  for (const [name, value] of new URLSearchParams(source)) {
    if (value.length > limits.maxFieldBytes)
      return { ok: false, error: { status: 413, message: `field '${name.slice(0, 64)}' is too large` } };
    fields.push({ name, value });
  }
  return { ok: true, body: { kind: 'form', encoding: 'urlencoded', form: { fields, files: [] }, bytes: bytes.length } };
}

function parseJsonBody(bytes: Buffer): BodyOutcome {
  try {
    return { ok: true, body: { kind: 'json', value: JSON.parse(bytes.toString('utf8')) as unknown, bytes: bytes.length } };
  } catch {
    return { ok: false, error: { status: 400, message: 'request body is not valid JSON' } };
  }
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

interface OpenPart {
  readonly name: string | null;
  readonly filename: string | undefined;
  readonly contentType: string;
  readonly chunks: Buffer[];
  size: number;
}

/**
 * A push parser for multipart/form-data. It keeps only a short tail of
 * unconsumed bytes between writes (or one part's header block), so memory
 * follows the parts kept, not the chunking of the input.
 */
export function createMultipartParser(boundary: string, limits: BodyLimits = defaultBodyLimits): BodyParser {
  // Starting with a CRLF lets the first boundary match the same delimiter as the rest.
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  let pending: Buffer = Buffer.from(CRLF);
  let state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let total = 0;
  let partCount = 0;
  let part: OpenPart | null = null;
  let failed: BodyError | null = null;
  const fields: FormField[] = [];
  const files: FormFile[] = [];

  const malformed = (why: string): BodyError => ({ status: 400, message: `malformed multipart body: ${why}` });

  function appendToPart(bytes: Buffer): BodyError | null {
    if (!part || bytes.length === 0) return null;
    part.size += bytes.length;
    if (part.filename === undefined && part.size > limits.maxFieldBytes) {
      return { status: 413, message: `field '${(part.name ?? '').slice(0, 64)}' is too large` };
    }
    if (part.name !== null) part.chunks.push(Buffer.from(bytes));
    return null;
  }

  function closePart(): void {
    if (!part || part.name === null) return;
    const data = Buffer.concat(part.chunks, part.size);
    if (part.filename === undefined) fields.push({ name: part.name, value: data.toString('utf8') });
    else files.push({ name: part.name, filename: part.filename, contentType: part.contentType, data });
  }

  /** Consumes as much of `pending` as possible; returns an error or null. */
  function drain(): BodyError | null {
    // Every pass either consumes bytes or returns to wait for more, so this ends.
    for (let guard = 0; guard < 1_000_000; guard++) {
      if (state === 'done') {
        pending = Buffer.alloc(0);
        return null;
      }
      if (state === 'preamble' || state === 'body') {
        const at = pending.indexOf(delimiter);
        if (at === -1) {
          const keep = Math.min(pending.length, delimiter.length - 1);
          const safe = pending.length - keep;
          if (state === 'body') {
            const error = appendToPart(pending.subarray(0, safe));
            if (error) return error;
          }
          pending = pending.subarray(safe);
          return null;
        }
        if (state === 'body') {
          const error = appendToPart(pending.subarray(0, at));
          if (error) return error;
          closePart();
          part = null;
        }
        pending = pending.subarray(at + delimiter.length);
        state = 'after-boundary';
        continue;
      }
      if (state === 'after-boundary') {
        if (pending.length < 2) return null;
        if (pending[0] === 0x2d && pending[1] === 0x2d) {
          state = 'done';
          continue;
        }
        const eol = pending.indexOf(CRLF);
        if (eol === -1) return pending.length > 256 ? malformed('boundary line does not end') : null;
        for (let i = 0; i < eol; i++) {
          if (pending[i] !== 0x20 && pending[i] !== 0x09) return malformed('unexpected bytes after a boundary');
        }
        pending = pending.subarray(eol + 2);
        partCount++;
        if (partCount > limits.maxParts) return { status: 400, message: `too many form fields (at most ${limits.maxParts})` };
        state = 'headers';
        continue;
      }
      // state === 'headers'
      let headerBlock: string;
      if (pending.length >= 2 && pending[0] === 0x0d && pending[1] === 0x0a) {
        headerBlock = '';
        pending = pending.subarray(2);
      } else {
        const end = pending.indexOf(HEADER_END);
        if (end === -1) {
          return pending.length > limits.maxHeaderBytes ? { status: 400, message: 'multipart part headers are too large' } : null;
        }
        if (end > limits.maxHeaderBytes) return { status: 400, message: 'multipart part headers are too large' };
        headerBlock = pending.subarray(0, end).toString('utf8');
        pending = pending.subarray(end + HEADER_END.length);
      }
      part = openPart(headerBlock);
      state = 'body';
    }
    return malformed('too complex');
  }

  return {
    write(chunk) {
      if (failed) return failed;
      total += chunk.length;
      if (total > limits.maxBytes) {
        failed = requestTooLarge();
        return failed;
      }
      if (state === 'done' || chunk.length === 0) return null;
      pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      failed = drain();
      return failed;
    },
    end() {
      if (failed) return { ok: false, error: failed };
      if (total === 0) return { ok: true, body: { kind: 'empty', bytes: 0 } };
      if (state !== 'done') return { ok: false, error: malformed(partCount === 0 ? 'no boundary found' : 'missing closing boundary') };
      return { ok: true, body: { kind: 'form', encoding: 'multipart', form: { fields, files }, bytes: total } };
    },
  };
}

function openPart(headerBlock: string): OpenPart {
  let name: string | null = null;
  let filename: string | undefined;
  let contentType = 'application/octet-stream';
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') {
      const params = parseContentType(value).params;
      name = params.name ?? null;
      filename = params.filename;
    } else if (key === 'content-type') {
      contentType = value.slice(0, 200) || contentType;
    }
  }
  return { name, filename, contentType, chunks: [], size: 0 };
}

/** Feeds a whole buffer through the parser for a Content-Type; handy in tests and for small bodies. */
export function parseBody(contentTypeHeader: string | undefined, bytes: Uint8Array, limits: BodyLimits = defaultBodyLimits): BodyOutcome {
  const parser = createBodyParser(contentTypeHeader, limits);
  const error = parser.write(bytes);
  return error ? { ok: false, error } : parser.end();
}
