export { formatRfc2822, parseRfc2822, readRfc2822, rfc2822ZoneOffsets } from '../dates/rfc2822';
export {
  type BodyField,
  type BuildOptions,
  type BuiltRequest,
  buildRequest,
  type FieldError,
  isReservedHeader,
  paramKey,
  type RequestBody,
  RequestBuildError,
  type RequestTarget,
  type RequestValues,
  resolvePath,
  validateValues,
} from './build-request';
export {
  type CheckedValue,
  checkExample,
  checkHeaderName,
  checkHeaderValue,
  checkParamValue,
  type FileRef,
  isEmptyInput,
  isFileRef,
  isValidAddressList,
  type ParamInput,
  type ParamScalar,
} from './validate-param';
