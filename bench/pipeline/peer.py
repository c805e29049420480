"""Peer pipeline for the benchmark: pandas reads the generated ledger, numpy builds point-in-time
debtor features for every invoice at its issue date, and scikit-learn trains a 100-tree random forest.

Usage: /usr/bin/python3 bench/pipeline/peer.py LEDGER.csv [--late-after 7] [--jobs 2]
Prints one JSON object with the phase times (seconds), row counts and the holdout AUC on stdout.

Features use only facts dated on or before the row's day, like riskpay's: per debtor, invoices issued
and settled so far, share settled late, mean and spread of days late, open and overdue counts, days
since the last payment, tenure, and the invoice's own amount (also over the debtor's mean so far) and
terms. Labels follow riskpay train: late when not fully paid by the due date plus --late-after days;
invoices whose outcome is not known on the last fact day, and credit notes, give no row.
"""

import argparse
import json
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

EPOCH = np.datetime64("1970-01-01")
CENT = 0.005
HOLDOUT_SHARE = 0.2


def day_numbers(column: pd.Series) -> np.ndarray:
    """UTC day numbers of an ISO date column; empty cells become a large sentinel (never)."""
    values = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce").to_numpy(dtype="datetime64[D]")
    days = (values - EPOCH).astype("int64")
    days[np.isnat(values)] = 10**9
    return days


def count_before(keys_sorted: np.ndarray, queries: np.ndarray, inclusive: bool) -> np.ndarray:
    """For each query key, how many sorted keys are below it (or at most it)."""
    return np.searchsorted(keys_sorted, queries, side="right" if inclusive else "left")


def build_rows(frame: pd.DataFrame, late_after: int):
    debtor = pd.factorize(frame["CustomerNo"])[0].astype("int64")
    issue = day_numbers(frame["InvoiceDate"])
    due = day_numbers(frame["DueDate"])
    paid = day_numbers(frame["LastPaymentDate"])
    amount = frame["Amount"].to_numpy(dtype="float64")
    balance = frame["Balance"].to_numpy(dtype="float64")
    credit = amount < 0
    settled = np.where((np.abs(balance) < CENT) & ~credit, paid, 10**9)
    horizon = int(max(issue.max(), paid[paid < 10**9].max()))

    # Keys that sort by debtor, then by day, so one searchsorted call counts "this debtor, before day t".
    span = 1 << 32
    base = debtor * span
    t = base + issue

    issued_keys = np.sort(base + issue)
    settled_order = np.argsort(base + settled, kind="stable")
    settled_keys = (base + settled)[settled_order]
    days_late = (settled - due).astype("float64")[settled_order]
    days_late[settled_keys - base[settled_order] >= 10**9] = 0.0
    late_flag = (days_late > late_after).astype("float64")
    cumulative_late = np.concatenate([[0.0], np.cumsum(days_late)])
    cumulative_late_sq = np.concatenate([[0.0], np.cumsum(days_late**2)])
    cumulative_flag = np.concatenate([[0.0], np.cumsum(late_flag)])
    first_settled = count_before(settled_keys, base, inclusive=False)

    settled_upto = count_before(settled_keys, t, inclusive=True)
    settled_count = settled_upto - first_settled
    safe = np.maximum(settled_count, 1)
    late_sum = cumulative_late[settled_upto] - cumulative_late[first_settled]
    late_sq = cumulative_late_sq[settled_upto] - cumulative_late_sq[first_settled]
    flag_sum = cumulative_flag[settled_upto] - cumulative_flag[first_settled]
    mean_late = np.where(settled_count > 0, late_sum / safe, -1.0)
    std_late = np.where(settled_count > 1, np.sqrt(np.maximum(late_sq / safe - (late_sum / safe) ** 2, 0.0)), 0.0)
    late_share = np.where(settled_count > 0, flag_sum / safe, -1.0)

    first_issued = count_before(issued_keys, base, inclusive=False)
    issued_before = count_before(issued_keys, t, inclusive=False) - first_issued
    open_count = np.maximum(issued_before - settled_count, 0)

    # Overdue at t: due before t and not settled on or before t.
    due_keys = np.sort(base + due)
    settled_or_due_keys = np.sort(base + np.maximum(settled, due + 1))
    overdue_count = np.maximum(
        (count_before(due_keys, t, inclusive=False) - count_before(due_keys, base, inclusive=False))
        - (count_before(settled_or_due_keys, t, inclusive=True) - count_before(settled_or_due_keys, base, inclusive=False)),
        0,
    )

    last_settled = np.where(settled_count > 0, settled_keys[np.maximum(settled_upto - 1, 0)] - base, -1)
    since_payment = np.where(settled_count > 0, issue - last_settled, -1)
    first_issue_day = pd.Series(issue).groupby(debtor).transform("min").to_numpy()
    tenure = issue - first_issue_day

    # Mean invoice amount of the debtor so far, in issue order (ties by file order).
    by_issue = np.lexsort((np.arange(len(issue)), issue, debtor))
    sorted_amount = amount[by_issue]
    sorted_debtor = debtor[by_issue]
    starts = np.flatnonzero(np.r_[True, sorted_debtor[1:] != sorted_debtor[:-1]])
    group_start = np.repeat(starts, np.diff(np.r_[starts, len(sorted_debtor)]))
    cumulative_amount = np.concatenate([[0.0], np.cumsum(sorted_amount)])
    position = np.arange(len(sorted_amount))
    earlier = position - group_start
    earlier_sum = cumulative_amount[position] - cumulative_amount[group_start]
    mean_so_far = np.empty_like(amount)
    mean_so_far[by_issue] = np.where(earlier > 0, earlier_sum / np.maximum(earlier, 1), np.nan)
    over_mean = np.where(np.isfinite(mean_so_far) & (mean_so_far > 0), amount / np.where(mean_so_far > 0, mean_so_far, 1.0), 1.0)

    features = np.column_stack([
        settled_count, late_share, mean_late, std_late, open_count, overdue_count, since_payment, tenure,
        amount, over_mean, due - issue,
    ]).astype("float64")

    threshold = due + late_after
    on_time = settled <= np.minimum(threshold, horizon)
    late = ~on_time & (threshold + 1 <= horizon)
    keep = ~credit & (on_time | late)
    return features[keep], late[keep].astype("int8"), issue[keep]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger")
    parser.add_argument("--late-after", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--trees", type=int, default=100)
    args = parser.parse_args()

    started = time.perf_counter()
    frame = pd.read_csv(args.ledger, dtype={"LastPaymentDate": "string"}, keep_default_na=False, na_values={"Amount": [], "Balance": []})
    read_done = time.perf_counter()
    X, y, days = build_rows(frame, args.late_after)
    features_done = time.perf_counter()

    # Time-ordered holdout, as riskpay train does: the latest rows are kept out of the fit.
    order = np.argsort(days, kind="stable")
    cut = int(len(order) * (1 - HOLDOUT_SHARE))
    train, holdout = order[:cut], order[cut:]
    # Same classifier settings as riskpay's (depth 12, leaves of at least 5, sqrt features), 100 trees.
    forest = RandomForestClassifier(n_estimators=args.trees, max_depth=12, min_samples_leaf=5, max_features="sqrt", n_jobs=args.jobs, random_state=1)
    forest.fit(X[train], y[train])
    fit_done = time.perf_counter()
    auc = roc_auc_score(y[holdout], forest.predict_proba(X[holdout])[:, 1])

    print(json.dumps({
        "rows": int(len(y)),
        "late": int(y.sum()),
        "invoices_read": int(len(frame)),
        "train_rows": int(len(train)),
        "holdout_rows": int(len(holdout)),
        "holdout_auc": round(float(auc), 4),
        "seconds_read": round(read_done - started, 2),
        "seconds_features": round(features_done - read_done, 2),
        "seconds_fit": round(fit_done - features_done, 2),
        "seconds_total": round(time.perf_counter() - started, 2),
    }))


if __name__ == "__main__":
    main()
