// Budgets, checked by `pnpm size` (part of `pnpm test`). The iframe app is measured as a shopper
// first downloads it when opening the chat: its JavaScript and CSS, plus one language's catalogue
// (English is built in; each other language is a chunk fetched only when chosen), so every
// language has a line. The parts fetched later (the rating prompt, the email forms) are
// counted in the last line, with everything else.
const LANGUAGES = ['ar', 'de', 'es', 'fr', 'it', 'nl', 'pt'];
const app = ['dist/frame/assets/frame-*.js', 'dist/frame/assets/frame-*.css'];

module.exports = [
  {
    name: 'loader (dist/loader/widget.js)',
    path: 'dist/loader/widget.js',
    limit: '3.5 KB',
    gzip: true,
  },
  {
    name: 'iframe app in English: JS (Preact included) and CSS',
    path: app,
    limit: '25 KB',
    gzip: true,
  },
  ...LANGUAGES.map((language) => ({
    name: `iframe app with the ${language} catalogue`,
    path: [...app, `dist/frame/assets/${language}-*.js`],
    limit: '25 KB',
    gzip: true,
  })),
  {
    name: 'iframe app, every chunk (all languages, the parts fetched later)',
    path: ['dist/frame/assets/*.js', 'dist/frame/assets/*.css'],
    limit: '45 KB',
    gzip: true,
  },
];
