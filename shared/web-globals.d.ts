/**
 * shared/ is compiled without the DOM and without Node's types, so that neither
 * can creep in. These few web-standard globals exist in both Node 20 and the
 * renderer, and buildRequest needs them; only the members we use are declared.
 */
interface Blob {
  readonly size: number;
  readonly type: string;
}
declare var Blob: { new (parts?: readonly (string | ArrayBuffer | Uint8Array | Blob)[], options?: { type?: string }): Blob };

interface FormData {
  append(name: string, value: string | Blob, fileName?: string): void;
  getAll(name: string): (string | Blob)[];
  entries(): IterableIterator<[string, string | Blob]>;
}
declare var FormData: { new (): FormData };

interface URLSearchParams {
  append(name: string, value: string): void;
  getAll(name: string): string[];
  get(name: string): string | null;
  toString(): string;
  entries(): IterableIterator<[string, string]>;
}
declare var URLSearchParams: { new (init?: string | Record<string, string> | [string, string][]): URLSearchParams };

interface URL {
  readonly href: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
  readonly username: string;
  readonly password: string;
}
declare var URL: { new (url: string, base?: string): URL; canParse(url: string, base?: string): boolean };

/** Decodes base64 (a Basic credential in a pasted curl command). */
declare function atob(data: string): string;
