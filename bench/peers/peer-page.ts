// The peer viewers the benchmark measures the app against. Bundled by
// bench/peers/peer-server.ts for the benchmark only; nothing in the app imports it.
import JsonView from '@uiw/react-json-view';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { JSONTree } from 'react-json-tree';
import { createJSONEditor } from 'vanilla-jsoneditor';

export type PeerName = 'vanilla-jsoneditor' | '@uiw/react-json-view' | 'react-json-tree' | 'JSON.parse';

interface PeerWindow {
  /**
   * The same kind of CDP binding the app's bridge crosses: the response string
   * arrives in the page through it, one piece per call (see BODY_PIECE_CHARS).
   */
  __benchBody?: (piece: number) => Promise<string | null>;
  __arrived?: number;
  __show?: (peer: PeerName) => Promise<void>;
  __parsed?: unknown;
}

const w = window as unknown as PeerWindow;

/**
 * The whole body, read piece by piece in pieces of the app's chunk size. The
 * clock starts when the call that says there is no more has returned, as
 * the app's starts at its stream's `end` message: joining the pieces into
 * the one string a peer needs is inside its clock, as the app's indexing of
 * its last chunk is inside the app's.
 */
async function readBody(): Promise<string> {
  const read = w.__benchBody as (piece: number) => Promise<string | null>;
  const pieces: string[] = [];
  for (let piece = await read(0); piece !== null; piece = await read(pieces.length)) pieces.push(piece);
  w.__arrived = performance.now();
  return pieces.join('');
}

w.__show = async (peer) => {
  const body = await readBody();
  const target = document.getElementById('viewer') as HTMLElement;
  switch (peer) {
    case 'JSON.parse':
      w.__parsed = JSON.parse(body);
      target.dataset.parsed = 'true';
      return;
    case 'vanilla-jsoneditor':
      createJSONEditor({ target, props: { content: { text: body }, mode: 'tree' as never, readOnly: true } });
      return;
    case '@uiw/react-json-view':
      createRoot(target).render(createElement(JsonView, { value: JSON.parse(body) as object, collapsed: 1 }));
      return;
    case 'react-json-tree':
      createRoot(target).render(createElement(JSONTree, { data: JSON.parse(body) as object }));
      return;
  }
};
