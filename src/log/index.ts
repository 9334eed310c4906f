export { LOG_KEPT_FILES, LOG_MAX_BYTES, type Logger, openLogger } from './logger.js';
