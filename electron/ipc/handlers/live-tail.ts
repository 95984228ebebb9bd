import type { liveTailMethods } from '../../../shared/bridge/live-tail';
import type { LiveTail } from '../../services/live-tail';
import type { Handlers } from '../dispatcher';
import type { TextFileDialogs } from './environments';

export interface LiveTailHandlerDeps {
  readonly liveTail: LiveTail;
  readonly dialogs: Pick<TextFileDialogs, 'saveTextFile'>;
}

export type LiveTailHandlers = Pick<Handlers, keyof typeof liveTailMethods>;

export function createLiveTailHandlers({ liveTail, dialogs }: LiveTailHandlerDeps): LiveTailHandlers {
  return {
    startLiveTail: (arg) => liveTail.start(arg),
    readLiveTail: (arg) => liveTail.read(arg),
    pauseLiveTail: (arg) => liveTail.setPaused(arg),
    setLiveTailVisibility: async ({ visible }) => liveTail.setVisible(visible),
    clearLiveTail: async (arg) => liveTail.clear(arg),
    stopLiveTail: async (arg) => liveTail.stop(arg),
    exportLiveTail: (arg) => liveTail.exportCsv(arg, (name, text) => dialogs.saveTextFile(name, text)),
  };
}
