import { type ReviewState, rankSuppliers } from "@chalan/core";
import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { db, sender } from "../store/app-db";
import { postAgain } from "../store/books";
import type { LocalInvoice } from "../store/db";
import { approveInvoice, chooseSupplier, fetchReviewState } from "../store/review-state";
import { useLanguage } from "../ui/use-language";
import { useOnline } from "../ui/use-online";

/** Suppliers offered first when a person names an invoice's supplier. */
const LIKELY_SUPPLIERS = 5;

/**
 * Approval for the books, on the server's word: it checks against every supplier and invoice of the
 * business. Errors and conflicts must be fixed first; each warning is accepted by ticking it, and the
 * server records who approved and what they accepted. Where the server could not tell the supplier,
 * a person names it here (most likely first).
 */
export function ApprovalPanel({ inv }: { inv: LocalInvoice }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const online = useOnline();
  const waiting = useLiveQuery(
    () =>
      db.mutations
        .where("invoiceId")
        .equals(inv.id)
        .filter((m) => m.pushed === 0)
        .count(),
    [inv.id],
    0,
  );
  const suppliers = useLiveQuery(() => db.suppliers.toArray(), [], []);
  const [state, setState] = useState<ReviewState>();
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string>();
  const ready = online && inv.place === "server" && waiting === 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again whenever the invoice changes here, so the server's word is about what is shown
  useEffect(() => {
    if (!ready) return;
    let live = true;
    fetchReviewState(db, inv.id).then(
      (s) => {
        if (!live) return;
        setState(s);
        setError(undefined);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [ready, inv.id, inv.updatedAt]);

  const act = async (work: () => Promise<ReviewState>) => {
    try {
      setState(await work());
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!ready || !state) {
    return (
      <section className="approval" data-testid="approval">
        <h2>{t("approval.title")}</h2>
        <p className="muted">
          {!online
            ? t("approval.offline")
            : inv.place !== "server" || waiting > 0
              ? t("approval.notSent")
              : (error ?? t("approval.asking"))}
        </p>
      </section>
    );
  }

  // An approved invoice edited since is approved again (an amendment for the books).
  if (state.approval && (state.status === "approved" || state.status === "posted")) {
    const a = state.approval;
    // The latest version sent to each package.
    const latest = state.postings.filter(
      (p, i, all) => all.findIndex((q) => q.connector === p.connector) === i,
    );
    return (
      <section className="approval" data-testid="approval">
        <h2>{t("approval.title")}</h2>
        <p data-testid="approved">
          {t("approval.approvedBy", {
            name: a.byName ?? t("approval.someone"),
            at: new Date(a.at).toLocaleString(lang === "bn" ? "bn-BD" : "en-GB", {
              timeZone: "Asia/Dhaka",
              dateStyle: "medium",
              timeStyle: "short",
            }),
          })}
        </p>
        {a.acceptedWarnings.length > 0 && (
          <ul className="checks">
            {a.acceptedWarnings.map((w) => (
              <li key={w.message.en} className="check-warning">
                <strong>{t("approval.accepted")}</strong> {w.message[lang]}
              </li>
            ))}
          </ul>
        )}
        {latest.map((p) => (
          <p
            key={p.id}
            className={p.state === "rejected" ? "error" : "muted"}
            data-testid={`posting-${p.connector}`}
          >
            {t(`approval.posting.${p.state}`, {
              target: t(`approval.connector.${p.connector}`),
              ref: p.targetRef ?? "",
              message: p.message ?? "",
            })}
            {p.state === "pending" && p.message && ` (${p.message})`}
            {p.state === "rejected" && (
              <>
                {" "}
                <button
                  type="button"
                  className="secondary"
                  data-testid={`post-again-${p.connector}`}
                  title={t("approval.postAgainHint", {
                    target: t(`approval.connector.${p.connector}`),
                  })}
                  onClick={() => void act(() => postAgain(db, inv.id, p.id))}
                >
                  {t("approval.postAgain")}
                </button>
              </>
            )}
          </p>
        ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const errors = [
    ...state.reviewReasons.filter((r) => r.includes("edited on two devices")),
    ...state.checks.filter((c) => c.severity === "error").map((c) => c.message[lang]),
  ];
  const warnings = state.checks.filter((c) => c.severity === "warning");
  const unread = state.status === "captured" || state.status === "failed";
  const name = inv.fields.supplierName?.value;
  const ranked = name ? rankSuppliers(name, suppliers) : [];
  const likely = ranked.slice(0, LIKELY_SUPPLIERS).map((r) => r.supplier);
  const rest = suppliers
    .filter((s) => !likely.includes(s))
    .sort((a, b) => a.name.localeCompare(b.name));
  const matched = suppliers.find((s) => s.id === state.supplierId);

  return (
    <section className="approval" data-testid="approval">
      <h2>{t("approval.title")}</h2>
      {matched ? (
        <p className="muted" data-testid="matched-supplier">
          {t("approval.supplier", { name: matched.name })}
        </p>
      ) : (
        name &&
        suppliers.length > 0 && (
          <form
            className="supplier-choice"
            onSubmit={(e) => {
              e.preventDefault();
              if (choice)
                void act(async () => {
                  const next = await chooseSupplier(db, inv.id, choice);
                  sender.nudge();
                  return next;
                });
            }}
          >
            <label>
              {t("approval.whichSupplier", { name })}{" "}
              <select
                value={choice}
                onChange={(e) => setChoice(e.currentTarget.value)}
                data-testid="supplier-choice"
              >
                <option value="">{t("approval.pick")}</option>
                {[...likely, ...rest].map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.nameBn ? `${s.name} (${s.nameBn})` : s.name}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit" className="secondary" disabled={!choice}>
              {t("approval.thisSupplier")}
            </button>
          </form>
        )
      )}
      {unread ? (
        <p className="muted">{t("approval.unread")}</p>
      ) : errors.length > 0 ? (
        <>
          <p>{t("approval.fixFirst")}</p>
          <ul className="checks" data-testid="approval-errors">
            {errors.map((e) => (
              <li key={e} className="check-error">
                {e}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => approveInvoice(db, inv.id, warnings.length > 0));
          }}
        >
          {warnings.map((w) => (
            <label key={w.message.en} className="accept-warning check-warning">
              <input
                type="checkbox"
                checked={accepted.has(w.message.en)}
                onChange={(e) => {
                  const next = new Set(accepted);
                  if (e.currentTarget.checked) next.add(w.message.en);
                  else next.delete(w.message.en);
                  setAccepted(next);
                }}
              />{" "}
              {t("approval.accept", { warning: w.message[lang] })}
            </label>
          ))}
          <button
            type="submit"
            data-testid="approve"
            disabled={warnings.some((w) => !accepted.has(w.message.en))}
          >
            {t("approval.approve")}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
