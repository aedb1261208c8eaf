/**
 * How a store makes the widget its own: from site.yaml's `widget:` section (baked into the
 * loader by the server) and `Baton('boot', {...})` on the page, which wins field by field.
 * Shared by the loader (its launcher) and the iframe app (everything else); the server checks
 * site.yaml, and this keeps what the page passes to sane values.
 */
export interface WidgetConfig {
  /** The brand colour, `#rgb` or `#rrggbb`: the launcher, the header, the customer's bubbles. */
  brandColor?: string;
  /** Which bottom corner the launcher and the panel sit in. */
  position?: 'left' | 'right';
  /** The panel's title (default: "Chat with us" in the customer's language). */
  title?: string;
  /** Shown on the empty panel (default: a line about the assistant and the human option). */
  greeting?: string;
  /** A label beside the launcher's icon ("Questions? Chat with us"); none by default. */
  launcherLabel?: string;
  /** An image shown beside agents' messages (https or a path); their initials otherwise. */
  avatarUrl?: string;
  /** The language: a BCP 47 tag such as `es` or `pt-BR`; else the page's `lang`, the browser's. */
  locale?: string;
}

const LIMITS = {
  title: 60,
  greeting: 300,
  launcherLabel: 40,
  locale: 35,
  avatarUrl: 2000,
} as const;

/** The valid fields of `value` (an object from the page or the server); the rest is dropped. */
export function readConfig(value: unknown): WidgetConfig {
  const out: WidgetConfig = {};
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (typeof v.brandColor === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v.brandColor))
    out.brandColor = v.brandColor;
  if (v.position === 'left' || v.position === 'right') out.position = v.position;
  for (const key of ['title', 'greeting', 'launcherLabel', 'locale', 'avatarUrl'] as const) {
    const field = v[key];
    if (typeof field === 'string' && field.trim() && field.length <= LIMITS[key])
      out[key] = field.trim();
  }
  if (out.avatarUrl && !/^(https:\/\/|\/)/.test(out.avatarUrl)) delete out.avatarUrl;
  return out;
}

/** WCAG relative luminance of `#rgb` / `#rrggbb`. */
export function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The text colour on the brand colour: white or near-black, whichever contrasts more. One of
 * them always reaches 4.5:1 (the worst case, a mid grey, gives about 4.6:1).
 */
export function textOn(brand: string): string {
  return contrast(brand, '#fff') >= contrast(brand, '#111') ? '#fff' : '#111';
}
