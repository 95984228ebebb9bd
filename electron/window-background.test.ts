import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followTheme, windowBackground } from './window-background';
import { createMainWindow, defaultBounds } from './window-options';

const themeCss = readFileSync(new URL('../renderer/ui/tokens.css', import.meta.url), 'utf8');

describe('window background', () => {
  it('is the page background of the theme in use (it was dark even in the light theme)', () => {
    const [light, dark] = [...themeCss.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]);
    expect(windowBackground(false)).toBe(light);
    expect(windowBackground(true)).toBe(dark);
    let options: { backgroundColor?: string } | undefined;
    class Recording {
      constructor(given: { backgroundColor?: string }) {
        options = given;
      }
    }
    createMainWindow(Recording, '/preload.cjs', defaultBounds, windowBackground(false));
    expect(options?.backgroundColor).toBe(light);
  });

  it('follows a theme change', () => {
    const theme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
    const colours: string[] = [];
    followTheme(theme, () => ({ setBackgroundColor: (color) => void colours.push(color) }));
    theme.shouldUseDarkColors = true;
    theme.emit('updated');
    expect(colours).toEqual([windowBackground(true)]);
  });
});
