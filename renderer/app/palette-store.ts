import { createOpenFlag } from '../ui';

/** Whether the command palette is open, so a toolbar button anywhere can open it. */
const palette = createOpenFlag();

export const openCommandPalette = palette.open;
export const closeCommandPalette = palette.close;
export const usePaletteOpen = palette.useIsOpen;
