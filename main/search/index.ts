import { searchOps } from '../../shared/search.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { searchRecords } from './search.service.js';

export { indexForSearch, removeFromSearch, type SearchEntry } from './search.service.js';
export { bulkIndexForSearch, searchIndexRow, type BulkSearchIndex } from './search-bulk.js';

export const searchHandlers: FeatureHandlers<typeof searchOps> = {
  'search.query': (input, ctx) => searchRecords(ctx.db, input.text, input.limit, input.entities),
};
