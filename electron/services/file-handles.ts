import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppFailure } from '../../shared/errors';
import type { FileHandle } from '../../shared/requests/types';

export interface FileRegistryDeps {
  readonly stat?: (path: string) => Promise<{ size: number; isFile(): boolean }>;
  /** Lazily backed by the file, so large attachments are streamed at send time rather than copied up front. */
  readonly openAsBlob?: (path: string, options: { type: string }) => Promise<Blob>;
  readonly randomId?: () => string;
  /** Picks beyond this are refused; handles are meant to be released after use. */
  readonly maxHandles?: number;
}

export type FileRegistry = ReturnType<typeof createFileRegistry>;

const MIME_BY_EXTENSION: Record<string, string> = {
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ics': 'text/calendar',
  '.eml': 'message/rfc822',
  '.mime': 'message/rfc822',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function guessMimeType(fileName: string): string {
  return MIME_BY_EXTENSION[path.extname(fileName).toLowerCase()] ?? '';
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM';
}

function fileMissing(name: string): AppFailure {
  return new AppFailure(
    'file-missing',
    `The file "${name}" can no longer be read; it may have been moved, renamed or deleted.`,
    'Pick the file again.',
  );
}

/**
 * Remembers the files the user picked in a dialog (or dropped, resolved by
 * preload) under random handles. The renderer only ever holds handles, so it
 * cannot make main read a path of its own choosing.
 */
export function createFileRegistry(deps: FileRegistryDeps = {}) {
  const stat = deps.stat ?? ((p: string) => fs.promises.stat(p));
  const openAsBlob = deps.openAsBlob ?? ((p: string, options: { type: string }) => fs.openAsBlob(p, options) as Promise<Blob>);
  const randomId = deps.randomId ?? (() => randomBytes(16).toString('hex'));
  const maxHandles = deps.maxHandles ?? 1_000;
  const entries = new Map<string, { readonly path: string; readonly info: FileHandle }>();

  async function register(paths: readonly string[]): Promise<FileHandle[]> {
    if (entries.size + paths.length > maxHandles) {
      throw new AppFailure(
        'invalid-request',
        'Too many files are held open for requests.',
        'Remove attachments you no longer need, then pick again.',
      );
    }
    const handles: FileHandle[] = [];
    for (const filePath of paths) {
      const name = path.basename(filePath);
      let size: number;
      try {
        const info = await stat(filePath);
        if (!info.isFile())
          throw new AppFailure('file-missing', `"${name}" is not a regular file.`, 'Pick a file rather than a folder or device.');
        size = info.size;
      } catch (error) {
        if (error instanceof AppFailure) throw error;
        if (isMissing(error)) throw fileMissing(name);
        throw error;
      }
      const info: FileHandle = { handle: randomId(), name, size, type: guessMimeType(name) };
      entries.set(info.handle, { path: filePath, info });
      handles.push(info);
    }
    return handles;
  }

  /** Called at send time: the file is checked again, since it may have changed since it was picked. */
  async function resolve(handle: string): Promise<Blob> {
    const entry = entries.get(handle);
    if (!entry) {
      throw new AppFailure('file-missing', 'A file attached to this request is no longer available.', 'Pick the file again.');
    }
    try {
      const info = await stat(entry.path);
      if (!info.isFile()) throw fileMissing(entry.info.name);
      return await openAsBlob(entry.path, { type: entry.info.type });
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      if (isMissing(error)) throw fileMissing(entry.info.name);
      throw error;
    }
  }

  function release(handles: readonly string[]): number {
    let released = 0;
    for (const handle of handles) if (entries.delete(handle)) released += 1;
    return released;
  }

  return { register, resolve, release };
}
