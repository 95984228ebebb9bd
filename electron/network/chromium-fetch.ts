/** The part of an Electron session that sends requests through Chromium's network stack. */
export interface ChromiumFetcher {
  fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
}

/**
 * The app's `fetch`: the session's net.fetch, so the system proxy, PAC files,
 * the OS certificate store and the proxy and CA settings apply to every
 * request main sends. Node's own fetch honours none of them. The executor
 * keeps taking `fetch` as a parameter, so tests still run it on Node.
 */
export function chromiumFetch(session: ChromiumFetcher): typeof globalThis.fetch {
  return (input, init) => {
    const target = input instanceof URL ? input.href : input;
    // app:// is ours; main only ever sends http(s), and never through our own protocol handler.
    return session.fetch(target, { ...init, bypassCustomProtocolHandlers: true });
  };
}
