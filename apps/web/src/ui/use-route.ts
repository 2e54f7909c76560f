import { useSyncExternalStore } from "react";

/** The app's screens, addressed by the URL hash so a reload lands on the same screen. */
export type Route =
  | { screen: "invoices" }
  | { screen: "review" }
  | { screen: "suppliers" }
  | { screen: "capture" }
  | { screen: "dashboard" }
  | { screen: "account" }
  | { screen: "invoice"; id: string };

export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, "").split("/");
  if (screen === "invoice" && id) return { screen, id };
  if (
    screen === "review" ||
    screen === "suppliers" ||
    screen === "capture" ||
    screen === "dashboard" ||
    screen === "account"
  ) {
    return { screen };
  }
  return { screen: "invoices" };
}

export const href = (r: Route) => (r.screen === "invoice" ? `#/invoice/${r.id}` : `#/${r.screen}`);

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
