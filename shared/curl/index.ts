export { type CurlImport, type CurlImportResult, importCurl, importUrl, KEY_NOT_IMPORTED } from './import-curl';
export { looksLikeCurl } from './looks-like-curl';
export { type CurlCommand, type CurlParseResult, keyInCurl, parseCurl } from './parse-curl';
export { type CurlTarget, customRequestToCurl } from './to-curl';
