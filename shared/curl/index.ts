export { type CurlImport, type CurlImportResult, importCurl, KEY_NOT_IMPORTED, looksLikeCurl } from './import-curl';
export { type CurlCommand, type CurlParseResult, parseCurl } from './parse-curl';
