export { parseJsonObject } from './json-object.js';
export {
  describeFileType,
  fileTypeProblem,
  type OpenRegularOptions,
  openRegularFile,
  type ReadRegularOptions,
  RefusedFileError,
  readRegularFile,
} from './regular-file.js';
