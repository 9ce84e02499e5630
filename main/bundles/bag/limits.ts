import { BUNDLE_MAX_TOTAL_BYTES } from '../../../shared/bundles.js';
import { MAX_ALLOWED_MAX_BYTES } from '../../../shared/evidence.js';
import { AppError } from '../../../shared/errors.js';

/** What a bag may cost the reader, checked from the zip's directory before anything is inflated. */
export interface BagLimits {
  maxEntries: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio of an entry above 1 MB. */
  maxRatio: number;
  /** data/bundle.json and each data/records/ file: they are parsed, not just copied. */
  maxRecordFileBytes: number;
  /** One line of a records file (one record): a 10 MB string is refused before it is parsed. */
  maxLineBytes: number;
  /** One evidence file under data/files/; the receiving office's own evidence limit when it is known. */
  maxEvidenceBytes: number;
}

const GIB = 1024 * 1024 * 1024;

export const DEFAULT_BAG_LIMITS: BagLimits = {
  maxEntries: 500_000,
  maxTotalBytes: BUNDLE_MAX_TOTAL_BYTES,
  maxEntryBytes: MAX_ALLOWED_MAX_BYTES,
  maxRatio: 200,
  // A sync bundle of a million persons holds about 400 MB of person records.
  maxRecordFileBytes: 2 * GIB,
  maxLineBytes: 1024 * 1024,
  maxEvidenceBytes: MAX_ALLOWED_MAX_BYTES,
};

/** Tag files other than the payload manifest are a few lines; the manifest grows by about 100 bytes a file. */
export const MAX_TAG_FILE_BYTES = 64 * 1024;
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** The one error a bad bag raises: Vietnamese, naming the first problem found and where. */
export function refuse(problem: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('IMPORT_INVALID', `Gói dữ liệu bị từ chối: ${problem}.`, details);
}
