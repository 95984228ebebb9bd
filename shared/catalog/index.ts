export { type CatalogSection, catalog, catalogTree, endpointsByGroup, getEndpoint, getGroup, groups } from './catalog';
export { domainParamName, isDomainScoped } from './domain-scope';
export { paramFamilies } from './families';
export { type EndpointMatch, findEndpointByRequest, pathSegments } from './match-request';
export {
  type IncomingField,
  type MatchOptions,
  matchParsedUrl,
  matchPastedUrl,
  type ParsedUrl,
  parsePastedUrl,
  type UrlMatch,
  type UrlOrigin,
  valuesForEndpoint,
  withUrlValues,
} from './match-url';
export {
  type CatalogSearch,
  createCatalogSearch,
  type SearchField,
  type SearchMatch,
  type SearchOptions,
  type SearchResult,
  searchCatalog,
} from './search';
export type * from './types';
