import { z } from 'zod';

/** A list written to .xlsx, handed to the page to download. */
export const XlsxFile = z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() });
export type XlsxFile = z.infer<typeof XlsxFile>;

/** More rows than this in one file is refused with a hint to filter: the file travels base64 in one reply. */
export const MAX_EXPORT_ROWS = 200_000;
