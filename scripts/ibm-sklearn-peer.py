"""A scikit-learn random forest on simple point-in-time features of the IBM accounts-receivable sample.

It trains on invoices settled before 2013-01-01 and tests on the invoices issued from that date, with
the label "paid after the due date" (DaysLate > 0). The features of each invoice use only invoices of
the same customer settled before its issue date. They are the count, mean, median, max and last-three
mean of days late, and the late share. Then come the open invoices already overdue, the amount, the
amount over the customer's mean amount, and the country code. The second run adds Disputed and
PaperlessBill. It prints the AUC over three seeds
beside the customer's mean days late so far, so riskpay's figures can be read against a common peer.

Usage: /usr/bin/python3 scripts/ibm-sklearn-peer.py [FILE]   (needs numpy and scikit-learn; FILE
defaults to ../shared/data/ibm-accounts-receivable.csv; a missing file is reported, exit 0)
"""

import collections
import csv
import datetime
import os
import sys

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

CUTOFF = datetime.date(2013, 1, 1)
SEEDS = (0, 1, 2)
# Days late and shares for a customer with no settled invoice yet.
NO_HISTORY_DAYS = -999
NO_HISTORY_SHARE = -1


def read_day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()


def load(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["issued"] = read_day(row["InvoiceDate"])
        row["due"] = read_day(row["DueDate"])
        row["settled"] = read_day(row["SettledDate"])
        row["days_late"] = int(row["DaysLate"])
        row["amount"] = float(row["InvoiceAmount"])
        row["disputed"] = 1 if row["Disputed"] == "Yes" else 0
        row["paperless"] = 1 if row["PaperlessBill"] == "Electronic" else 0
    rows.sort(key=lambda row: row["issued"])
    return rows


def features(row, by_customer, extras):
    """Returns the feature vector of one invoice from the customer's invoices settled before its issue date."""
    history = by_customer[row["customerID"]]
    past = [other for other in history if other["settled"] < row["issued"]]
    overdue_open = [other for other in history if other["issued"] < row["issued"] <= other["settled"] and other["due"] < row["issued"]]
    delays = [other["days_late"] for other in past]
    if delays:
        history_values = [len(delays), np.mean(delays), np.mean([days > 0 for days in delays]), np.median(delays), np.mean(delays[-3:]), max(delays)]
        relative_amount = row["amount"] / np.mean([other["amount"] for other in past])
    else:
        history_values = [0, NO_HISTORY_DAYS, NO_HISTORY_SHARE, NO_HISTORY_DAYS, NO_HISTORY_DAYS, NO_HISTORY_DAYS]
        relative_amount = NO_HISTORY_SHARE
    values = history_values + [len(overdue_open), row["amount"], relative_amount, int(row["countrycode"])]
    if extras:
        values += [row["disputed"], row["paperless"]]
    return values


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "ibm-accounts-receivable.csv")
    if not os.path.exists(path):
        print(f"{path} not found; nothing to do.")
        return
    rows = load(path)
    by_customer = collections.defaultdict(list)
    for row in rows:
        by_customer[row["customerID"]].append(row)
    train = [row for row in rows if row["settled"] < CUTOFF]
    test = [row for row in rows if row["issued"] >= CUTOFF]
    test_labels = np.array([row["days_late"] > 0 for row in test])

    for extras in (False, True):
        x_train = np.array([features(row, by_customer, extras) for row in train])
        y_train = np.array([row["days_late"] > 0 for row in train])
        x_test = np.array([features(row, by_customer, extras) for row in test])
        aucs = []
        for seed in SEEDS:
            forest = RandomForestClassifier(n_estimators=300, min_samples_leaf=5, random_state=seed, n_jobs=2).fit(x_train, y_train)
            aucs.append(roc_auc_score(test_labels, forest.predict_proba(x_test)[:, 1]))
        # Column 1 is the customer's mean days late so far.
        rule = roc_auc_score(test_labels, x_test[:, 1])
        label = "Disputed and PaperlessBill added" if extras else "history features only"
        print(f"{label}: train {len(train)}, test {len(test)}; forest AUC {', '.join(f'{auc:.4f}' for auc in aucs)} (seeds {SEEDS}); mean days late so far {rule:.4f}")


if __name__ == "__main__":
    main()
