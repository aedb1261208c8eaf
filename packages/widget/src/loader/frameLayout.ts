/**
 * Sizes the iframe: launcher-sized when closed, a panel when open, full screen on narrow
 * viewports. Styles go through the CSSOM (not a <style> tag) so a storefront's CSP `style-src`
 * cannot block them, and with `important` so storefront CSS like `iframe { width: 100% }` loses.
 */
export const CLOSED_SIZE = { width: '80px', height: '80px' };
export const OPEN_SIZE = { width: '400px', height: '640px' };
export const NARROW_QUERY = '(max-width: 480px)';

const BASE_STYLE: Record<string, string> = {
  position: 'fixed',
  bottom: '0',
  right: '0',
  border: '0',
  margin: '0',
  padding: '0',
  background: 'transparent',
  'color-scheme': 'normal',
  'max-width': '100%',
  'max-height': '100%',
  'z-index': '2147483000',
};

/** The page's launcher before the chat loads: the widget's own, drawn from the same numbers. */
export const LAUNCHER_STYLE: Record<string, string> = {
  position: 'fixed',
  right: '12px',
  bottom: '12px',
  width: '56px',
  height: '56px',
  margin: '0',
  padding: '0',
  border: '0',
  'border-radius': '50%',
  background: '#2448c4',
  color: '#fff',
  cursor: 'pointer',
  display: 'grid',
  'place-items': 'center',
  'box-shadow': '0 2px 8px rgb(0 0 0 / 25%)',
  'z-index': '2147483000',
};

export function setStyles(el: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles))
    el.style.setProperty(name, value, 'important');
}

export function applyBaseStyle(frame: HTMLIFrameElement): void {
  setStyles(frame, BASE_STYLE);
}

export function applyLayout(
  frame: HTMLIFrameElement,
  open: boolean,
  narrow: boolean,
  config: { position?: 'left' | 'right'; launcherLabel?: string } = {},
): void {
  // A labelled launcher is wider: room for its words (about 9 px a character) and the icon.
  const closed = config.launcherLabel
    ? { ...CLOSED_SIZE, width: `${Math.min(96 + 9 * config.launcherLabel.length, 400)}px` }
    : CLOSED_SIZE;
  const size = !open ? closed : narrow ? { width: '100%', height: '100%' } : OPEN_SIZE;
  const left = config.position === 'left';
  setStyles(frame, { ...size, left: left ? '0' : 'auto', right: left ? 'auto' : '0' });
}
