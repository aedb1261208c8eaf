import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ConsoleState, ConsoleStore } from '../state/consoleStore';

export const StoreContext = createContext<ConsoleStore | null>(null);

export function useStore(): ConsoleStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() needs <StoreContext.Provider> above it');
  return store;
}

/** The store's current state; re-renders on every change. */
export function useConsoleState(store: ConsoleStore): ConsoleState {
  const [state, setState] = useState(store.getState);
  useEffect(() => {
    setState(store.getState());
    return store.subscribe(() => setState(store.getState()));
  }, [store]);
  return state;
}
