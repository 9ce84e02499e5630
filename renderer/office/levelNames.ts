/** The level-names textarea holds one level per line. */
export function parseLevelNames(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export const formatLevelNames = (names: readonly string[]) => names.join('\n');
