export { CatalogSidebar } from './CatalogSidebar';
export { CommandPalette } from './CommandPalette';
export { MethodBadge } from './MethodBadge';
export { useCatalog } from './use-catalog';
