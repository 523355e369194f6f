/** Why a document cannot be made from the data as it stands: the request is marked FAILED with this message at once. */
export class UnprintableError extends Error {}
