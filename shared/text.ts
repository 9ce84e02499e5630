/**
 * Folds Vietnamese text for diacritic-insensitive search and comparison.
 * @example foldText('Hội Khuyến học Đồng Tháp') === 'hoi khuyen hoc dong thap'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a query into folded words; empty words are dropped. */
export function foldedWords(query: string): string[] {
  const folded = foldText(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every folded word of the query starts a word of the text. */
export function matchesFolded(text: string, query: string): boolean {
  return matchesFoldedWords(foldText(text).split(' '), foldedWords(query));
}

/** Compares Vietnamese strings the way a Vietnamese reader sorts them. */
export const compareVietnamese = (a: string, b: string): number => a.localeCompare(b, 'vi');

const naturalCollator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese order with numbers read as numbers: "Xã 2" before "Xã 10", code "870-9" before "870-10". */
export const compareNatural = (a: string, b: string): number => naturalCollator.compare(a, b);

/** Whether every word of an already folded query starts one of a text's folded words; fold once, match many times. */
export function matchesFoldedWords(words: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}
