const KEEP_FINAL_S = /(ss|us|is|os)$/;

/**
 * A deliberately small stemmer: folds plurals and -ing/-ed forms so "patches", "patching" and
 * "patched" meet "patch". Applied to both the knowledge terms and the question, so it only has to be
 * consistent, not linguistically right.
 */
export function stem(word: string): string {
  // "decides whoever can read" (an embedded "who", see normalize-text) still meets the term "who can read".
  if (word === 'whoever') return 'who';
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('es') && w.length > 4 && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !KEEP_FINAL_S.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
