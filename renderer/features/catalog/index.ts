export { CatalogSidebar } from './CatalogSidebar';
export { CommandPalette } from './CommandPalette';
export { MethodBadge } from './MethodBadge';
export { type LoadedCatalog, useCatalog } from './use-catalog';
