/**
 * The loader's own words, the launcher's name and the iframe's title, in each language the
 * widget speaks: the catalogues' `open` and `title` (labels.test.ts keeps them equal). Copied,
 * not imported, so the loader stays a few KB and loads no catalogue.
 */
const LABELS: Record<string, readonly [open: string, title: string]> = {
  en: ['Open chat', 'Chat with us'],
  ar: ['فتح الدردشة', 'تحدّث معنا'],
  de: ['Chat öffnen', 'Chatten Sie mit uns'],
  es: ['Abrir chat', 'Chatea con nosotros'],
  fr: ['Ouvrir le chat', 'Discutez avec nous'],
  it: ['Apri la chat', 'Chatta con noi'],
  nl: ['Chat openen', 'Chat met ons'],
  pt: ['Abrir chat', 'Fale conosco'],
};

/** The labels in the first of `candidates` the widget speaks (as the app picks its language). */
export function loaderLabels(
  candidates: readonly (string | null | undefined)[],
): readonly [string, string] {
  for (const tag of candidates) {
    const labels = LABELS[tag?.trim().toLowerCase().split(/[-_]/)[0] ?? ''];
    if (labels) return labels;
  }
  return LABELS.en!;
}
