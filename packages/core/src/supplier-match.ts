import type { Supplier } from "./supplier";
import { SUPPLIER_MATCH_THRESHOLD, supplierMatchKey } from "./supplier-names";
import { trigramSetSimilarity, trigrams } from "./trigram-similarity";

export interface ScoredSupplier {
  supplier: Supplier;
  /** 1 for a BIN match, else the best trigram similarity of the name to any of the supplier's. */
  score: number;
}

// A device ranks every cached supplier for each invoice it checks: each one's names are cut once.
const cut = new WeakMap<Supplier, Set<string>[]>();
function namePieces(supplier: Supplier): Set<string>[] {
  let pieces = cut.get(supplier);
  if (!pieces) {
    pieces = [supplier.name, supplier.nameBn, ...supplier.aliases].flatMap((n) =>
      n ? [trigrams(supplierMatchKey(n))] : [],
    );
    cut.set(supplier, pieces);
  }
  return pieces;
}

/** Suppliers by how alike any of their names (English, Bengali, aliases) reads to `name`, best first. */
export function rankSuppliers(name: string, suppliers: Supplier[]): ScoredSupplier[] {
  const key = trigrams(supplierMatchKey(name));
  if (key.size === 0) return [];
  return suppliers
    .map((supplier) => ({
      supplier,
      score: Math.max(0, ...namePieces(supplier).map((p) => trigramSetSimilarity(p, key))),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

/**
 * The supplier an invoice names, among those given: by its BIN, else the closest name if at least
 * SUPPLIER_MATCH_THRESHOLD. What the server's matchSupplier does in SQL, for a device's cache.
 */
export function matchSupplier(
  { bin, name }: { bin?: string | undefined; name?: string | undefined },
  suppliers: Supplier[],
): ScoredSupplier | undefined {
  const byBin = bin ? suppliers.find((s) => s.bin === bin) : undefined;
  if (byBin) return { supplier: byBin, score: 1 };
  const best = name ? rankSuppliers(name, suppliers)[0] : undefined;
  return best && best.score >= SUPPLIER_MATCH_THRESHOLD ? best : undefined;
}
