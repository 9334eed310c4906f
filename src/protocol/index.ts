// Checks on messages that cross a process boundary, made on their raw bytes before parsing.

/** Nesting depth and a few top-level members of JSON text, chunk by chunk, without holding it. */
export { JsonScanner, type JsonScanOptions } from './json-scan.js';
