import type { QueryResult, QueryResultRow } from "pg";

/** What the repositories need from a connection: a pool, a transaction's client, or pg-boss's db. */
export interface Sql {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>>;
}
