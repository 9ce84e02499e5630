import { registerTables } from '../db/table-registry.js';

/** Every bundle this office received, applied or refused: the answer to "did we take the commune's March file?". */
export interface BundlesReceivedTable {
  /** Local row id (a bundle id may be logged more than once: refused, then forced). */
  id: string;
  bundleId: string;
  kind: string;
  senderOfficeId: string;
  senderCode: string;
  senderName: string;
  fingerprint: string;
  receivedAt: string;
  /** 'applied' | 'refused' | 'failed' */
  result: string;
  /** Counts per entity as JSON, or the reason it was refused. */
  summary: string;
  forced: number;
  actor: string;
}

/**
 * The content hash of each row as last exchanged with a peer office: with it an
 * import tells a row changed here since, changed there since, or changed on both sides.
 */
export interface BundlePeerHashesTable {
  peerOfficeId: string;
  entity: string;
  rowId: string;
  hash: string;
}

export interface BundlesTables {
  bundlesReceived: BundlesReceivedTable;
  bundlePeerHashes: BundlePeerHashesTable;
}

export const bundlesTables = registerTables<BundlesTables>('bundles', {
  bundlesReceived: { synced: false, travels: false, parents: [] },
  bundlePeerHashes: { synced: false, travels: false, parents: [] },
});
