export * from './documents/inputs';
export { renderDocument, ContentHashMismatchError } from './render/render-document';
export { contentHashOf } from './render/content-hash';
export { formatDate, formatNumber, formatPoints, formatSigned } from './render/format';
