import { useSyncExternalStore } from "react";

/** The app's screens, addressed by the URL hash so a reload lands on the same screen. */
export type Route =
  | { screen: "invoices" }
  | { screen: "review" }
  | { screen: "suppliers" }
  | { screen: "capture" }
  | { screen: "dashboard" }
  | { screen: "account" }
  | { screen: "books" }
  | { screen: "invoice"; id: string };

/** The route of a hash; what follows `?` (a screen's own parameters) is left to the screen. */
export function parseRoute(hash: string): Route {
  const [, screen, id] = (hash.replace(/^#/, "").split("?")[0] ?? "").split("/");
  if (screen === "invoice" && id) return { screen, id };
  if (
    screen === "review" ||
    screen === "suppliers" ||
    screen === "capture" ||
    screen === "dashboard" ||
    screen === "account" ||
    screen === "books"
  ) {
    return { screen };
  }
  return { screen: "invoices" };
}

export const href = (r: Route) => (r.screen === "invoice" ? `#/invoice/${r.id}` : `#/${r.screen}`);

/** The parameters after `?` in the hash (e.g. how signing in to QuickBooks went). */
export function routeParams(hash: string): URLSearchParams {
  return new URLSearchParams(hash.split("?")[1] ?? "");
}

export function go(r: Route): void {
  location.hash = href(r);
}

const subscribe = (cb: () => void) => {
  addEventListener("hashchange", cb);
  return () => removeEventListener("hashchange", cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
