import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => undefined;

/**
 * Whether the page runs its JavaScript: false in the server's HTML and while hydrating, true after. Without
 * JavaScript the form cannot follow what the customer picks, so the server's HTML offers what works without it
 * (every address field under its general name; an "Update total" button).
 */
export function useInteractive(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
