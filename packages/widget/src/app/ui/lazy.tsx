import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched the first time it is drawn: the parts a first open never
 * shows (the rating prompt, the email forms) stay out of the widget's first download. It draws
 * nothing until its chunk is in (a few milliseconds from the same server), and tries again on
 * the next render if the fetch failed.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load().then(
        (component) => void (loaded = component),
        (err: unknown) => {
          pending = null;
          console.error('[Baton] could not load part of the chat', err);
        },
      );
      let live = true;
      void pending.then(() => live && setReady(true));
      return () => void (live = false);
    }, []);
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : null;
  };
}
