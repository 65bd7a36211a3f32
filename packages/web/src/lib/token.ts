/**
 * Reads the parameters of the URL fragment (`#id=..&token=..`), keeps them in sessionStorage
 * for reloads, and removes them from the address bar so the token is not shared by a copied
 * address, a screenshot or the history. The fragment never reaches a server.
 */
export function takeFragment(storageKey: string): Record<string, string> {
  const fromHash = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  if (fromHash.token) {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(fromHash));
    } catch {
      // Without storage a reload needs the link again; the page works otherwise.
    }
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromHash;
  }
  try {
    const kept = sessionStorage.getItem(storageKey);
    return kept ? (JSON.parse(kept) as Record<string, string>) : {};
  } catch {
    return {};
  }
}
