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
  const words = foldText(text).split(' ');
  return foldedWords(query).every((q) => words.some((w) => w.startsWith(q)));
}

/** Compares Vietnamese strings the way a Vietnamese reader sorts them. */
export const compareVietnamese = (a: string, b: string): number => a.localeCompare(b, 'vi');
