/** The page's --bg colours (renderer/ui/tokens.css), so the window never flashes the other theme's colour. */
export const windowBackgrounds = { light: '#f6f7f9', dark: '#0f1318' } as const;

export function windowBackground(dark: boolean): string {
  return dark ? windowBackgrounds.dark : windowBackgrounds.light;
}

/** The part of nativeTheme and of a window that keeping the background right needs. */
export interface ThemeChanges {
  readonly shouldUseDarkColors: boolean;
  on(event: 'updated', listener: () => void): void;
}

export function followTheme(theme: ThemeChanges, window: () => { setBackgroundColor(color: string): void } | null): void {
  theme.on('updated', () => window()?.setBackgroundColor(windowBackground(theme.shouldUseDarkColors)));
}
