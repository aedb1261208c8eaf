/** Puts the store's colours on the page as CSS variables (styles.css reads them). */
import { contrast, textOn, type WidgetConfig } from '../theme/config';

/** The panel's surfaces, light and dark (styles.css `--baton-surface`). */
const SURFACES = { light: '#ffffff', dark: '#17191f' };
/** The body text colours the brand falls back to as text when it contrasts too little. */
const TEXT = { light: '#1d2230', dark: '#e8eaf0' };

export function applyTheme(root: HTMLElement, config: WidgetConfig): void {
  const brand = config.brandColor;
  const set = (name: string, value: string | null) =>
    value ? root.style.setProperty(name, value) : root.style.removeProperty(name);
  set('--baton-brand', brand ?? null);
  set('--baton-brand-text', brand ? textOn(brand) : null);
  for (const scheme of ['light', 'dark'] as const) {
    const ink = brand && contrast(brand, SURFACES[scheme]) >= 4.5 ? brand : brand && TEXT[scheme];
    set(`--baton-ink-${scheme}`, ink || null);
  }
}
