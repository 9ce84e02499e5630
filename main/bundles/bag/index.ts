/**
 * The .xhht container: a BagIt 1.0 bag (RFC 8493) in a zip, signed with the
 * sender office's Ed25519 key. Knows nothing of the database: the exporter
 * hands it payload files, the importer reads records back from an OpenedBag.
 */
export { type BagInfo } from './bag-info.js';
export { type BagLimits } from './limits.js';
export { BAG_STAGES, appSchemaVersion, openBag, type BagSeen, type BagStage, type OpenBagOptions, type OpenedBag } from './open-bag.js';
export { type BagSigner, type SignerIdentity } from './signature.js';
export { writeBag, type PayloadFile, type WriteBagOptions, type WrittenBag } from './write-bag.js';
