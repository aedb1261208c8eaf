import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../state/store';

/** Re-renders the component whenever the store's state is replaced. */
export function useStore<T>(store: Store<T>): T {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
