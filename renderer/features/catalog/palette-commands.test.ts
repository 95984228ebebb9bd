import { describe, expect, it } from 'vitest';
import { matchCommands, type PaletteCommand } from './palette-commands';

const command = (label: string, keywords?: string[]): PaletteCommand => ({
  id: label,
  label,
  ...(keywords ? { keywords } : {}),
  run: () => {},
});
const commands = [command('Import cURL…', ['paste', 'url']), command('Show support tools', ['investigate']), command('Show sandbox tools')];

describe('matchCommands', () => {
  it('lists every command for an empty query', () => {
    expect(matchCommands(commands, '  ')).toHaveLength(3);
  });

  it('matches word starts in the label and the keywords, every term required', () => {
    expect(matchCommands(commands, 'curl').map((c) => c.id)).toEqual(['Import cURL…']);
    expect(matchCommands(commands, 'PASTE').map((c) => c.id)).toEqual(['Import cURL…']);
    expect(matchCommands(commands, 'show sand').map((c) => c.id)).toEqual(['Show sandbox tools']);
    expect(matchCommands(commands, 'show').map((c) => c.id)).toEqual(['Show support tools', 'Show sandbox tools']);
  });

  it('does not match inside a word', () => {
    expect(matchCommands(commands, 'url').map((c) => c.id)).toEqual(['Import cURL…']);
    expect(matchCommands(commands, 'andbox')).toEqual([]);
  });
});
