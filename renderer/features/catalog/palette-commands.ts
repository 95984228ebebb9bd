/** An action the command palette offers beside the endpoints, such as "Import cURL…". */
export interface PaletteCommand {
  readonly id: string;
  readonly label: string;
  /** Other words a user might type for it. */
  readonly keywords?: readonly string[];
  /** The shortcut shown beside it, already spelled for this platform. */
  readonly shortcut?: string;
  readonly run: () => void;
}

/** Every word of the query must start a word of the command's label or keywords; an empty query lists them all. */
export function matchCommands(commands: readonly PaletteCommand[], query: string): readonly PaletteCommand[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return commands;
  return commands.filter((command) => {
    const words = [command.label, ...(command.keywords ?? [])]
      .join(' ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  });
}
