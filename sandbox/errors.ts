/**
 * What a handler answers. Mailgun mostly answers JSON, but a few edges (401,
 * the root URL) answer plain text, so the body type is explicit.
 */
export interface Reply {
  readonly status: number;
  readonly contentType: 'application/json' | 'text/plain' | 'text/csv' | 'application/octet-stream';
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A binary answer (a stored attachment); `body` is then empty and `headers` carry its type. */
  readonly bytes?: Buffer;
}

export function binary(data: Buffer, contentType: string, filename: string): Reply {
  return {
    status: 200,
    contentType: 'application/octet-stream',
    body: '',
    bytes: data,
    headers: {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `attachment; filename="${filename.replace(/["\\\r\n]/g, '_')}"`,
    },
  };
}

export function json(status: number, value: unknown, headers?: Readonly<Record<string, string>>): Reply {
  return headers
    ? { status, contentType: 'application/json', body: JSON.stringify(value), headers }
    : { status, contentType: 'application/json', body: JSON.stringify(value) };
}

export function text(status: number, body: string, headers?: Readonly<Record<string, string>>): Reply {
  return headers ? { status, contentType: 'text/plain', body, headers } : { status, contentType: 'text/plain', body };
}

/** Thrown by handlers to stop and answer with an error; the router turns it into a Reply. */
export class SandboxError extends Error {
  readonly reply: Reply;

  constructor(reply: Reply) {
    super(reply.body);
    this.name = 'SandboxError';
    this.reply = reply;
  }
}

export function fail(status: number, message: string, headers?: Readonly<Record<string, string>>): never {
  throw new SandboxError(json(status, { message }, headers));
}

export function badRequest(message: string): never {
  return fail(400, message);
}

export function notFound(message: string): never {
  return fail(404, message);
}

export const forbiddenReply: Reply = text(401, 'Forbidden', { 'WWW-Authenticate': 'Basic realm="MG API"' });
