export { CatalogSidebar } from './CatalogSidebar';
export { CommandPalette } from './CommandPalette';
export { MethodBadge } from './MethodBadge';
export type { PaletteCommand } from './palette-commands';
export { type LoadedCatalog, useCatalog } from './use-catalog';
