import { useCallback } from 'react';
import { looksLikeCurl } from '../../../shared/curl/looks-like-curl';
import type { RequestValues } from '../../../shared/request';
import { useWorkbenchStore, type WorkbenchStore } from '../../app/workbench-store';
import { setImportNotice } from './import-notices';

export type OpenPastedResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The endpoint open where the text was pasted; a URL for it keeps the form's body fields and headers. */
export interface PastedInto {
  readonly endpointId: string;
  readonly method: string;
  readonly values: RequestValues;
  /** The environment's base URL, whose host is the request's own. */
  readonly baseUrl?: string;
}

/**
 * Opens a pasted curl command or URL: the catalog endpoint it calls with its values filled in, else a custom
 * request. The parser and the catalog load on first use, as the sidebar's catalog does, to keep them off the first screen.
 */
export async function openPasted(
  text: string,
  store: WorkbenchStore,
  into?: PastedInto,
  /** Said instead of "the key was not imported" when main has stored it as the environment's key. */
  keyNotice?: string,
): Promise<OpenPastedResult> {
  const [{ importCurl, importUrl, KEY_NOT_IMPORTED }, { withUrlValues }] = await Promise.all([
    import('../../../shared/curl/import-curl'),
    import('../../../shared/catalog/match-url'),
  ]);
  const isCurl = looksLikeCurl(text);
  const result = isCurl
    ? importCurl(text)
    : importUrl(text, into ? { method: into.method, ...(into.baseUrl ? { environmentBaseUrl: into.baseUrl } : {}) } : {});
  if (!result.ok) return result;
  const { match } = result;
  if (match.kind === 'endpoint') {
    const sameEndpoint = !isCurl && into?.endpointId === match.endpoint.id;
    store.openEndpoint(match.endpoint.id, sameEndpoint && into ? withUrlValues(match.endpoint, into.values, match.values) : match.values);
  } else {
    store.openCustom(match.request, { missingFiles: match.missingFiles.map((file) => file.name) });
  }
  const lines = result.notices.map((line) => (keyNotice && line === KEY_NOT_IMPORTED ? keyNotice : line));
  setImportNotice(lines.length > 0 ? { openCount: store.getState().openCount, source: isCurl ? 'curl' : 'url', lines } : null);
  return { ok: true };
}

export function useOpenPasted(): (text: string, into?: PastedInto) => Promise<OpenPastedResult> {
  const store = useWorkbenchStore();
  return useCallback((text, into) => openPasted(text, store, into), [store]);
}
