/** Words skipped when matching phrases, so "destroys the disks" meets "destroy disks". */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'their', 'its', 'this', 'these', 'those', 'some']);

/** The words that phrase matching looks at. */
export function withoutArticles(words: string[]): string[] {
  return words.filter((w) => !ARTICLES.has(w));
}
