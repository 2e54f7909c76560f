/**
 * An error the client can act on, sent as RFC 9457 problem+json. `detail` is written for the clerk
 * who sees it, not for a developer.
 */
export class Problem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  toJSON() {
    return {
      type: `https://chalan.app/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...this.extra,
    };
  }
}

export const notFound = (what: string) =>
  new Problem(404, "Not found", `${what} does not exist, or belongs to another organisation.`);
