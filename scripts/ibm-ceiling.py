"""Ceiling estimates for late-payment AUC on the IBM accounts-receivable sample, cutoff 2013-01-01.

Each estimate scores the 2013 test invoices with P(days to settle > 30 + late_after) under a normal
model of days to settle. The "oracle" rows fit customer effects on every invoice, test period
included, so no model that learns only from the past can expect to beat them. The "past only" rows
use what was known on each invoice date.

Usage: /usr/bin/python3 scripts/ibm-ceiling.py [FILE]   (needs pandas, scikit-learn and scipy;
FILE defaults to ../shared/data/ibm-accounts-receivable.csv; a missing file is reported, exit 0)
"""

import os
import sys

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.linear_model import LinearRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

CUTOFF = pd.Timestamp("2013-01-01")
TERMS = 30


def load(path):
    data = pd.read_csv(path)
    for column in ["PaperlessDate", "InvoiceDate", "DueDate", "SettledDate"]:
        data[column] = pd.to_datetime(data[column], dayfirst=True)
    data["disputed"] = (data.Disputed == "Yes").astype(int)
    data["paperless"] = (data.PaperlessBill == "Electronic").astype(int)
    return data


def oracle(data, design, late_after):
    """Fits days to settle on `design` over all invoices and returns the test AUC of the normal tail."""
    fit = LinearRegression().fit(design, data.DaysToSettle)
    predicted = fit.predict(design)
    spread = (data.DaysToSettle - predicted).std()
    probability = 1 - norm.cdf((TERMS + late_after + 0.5 - predicted) / spread)
    test = (data.InvoiceDate >= CUTOFF).values
    late = (data.DaysLate > late_after).astype(int).values
    return roc_auc_score(late[test], probability[test])


def past_only(data, late_after, effects, half_life=None):
    """Scores each test invoice from its customer's invoices settled before its own invoice date.

    `effects` names the invoice columns ("disputed", "paperless") whose effect on days to settle is
    fitted on the training invoices and taken out of each customer's level. With `half_life` (in
    invoices) the level is a weighted mean in which each older invoice counts less, so that a recent
    shift in a customer's delays shows sooner.
    """
    train = data[(data.InvoiceDate < CUTOFF) & (data.SettledDate < CUTOFF)]
    coefficients = np.zeros(len(effects))
    if effects:
        design = pd.concat([pd.get_dummies(train.customerID).astype(float), train[effects]], axis=1)
        coefficients = LinearRegression().fit(design, train.DaysToSettle).coef_[-len(effects):]
    by_customer = dict(tuple(data.groupby("customerID")))
    test = data[data.InvoiceDate >= CUTOFF]
    probabilities = []
    for _, invoice in test.iterrows():
        history = by_customer[invoice.customerID]
        history = history[history.SettledDate < invoice.InvoiceDate].sort_values("InvoiceDate")
        residual = history.DaysToSettle.values - history[effects].values @ coefficients
        count = len(residual)
        level = residual.mean() if count else 25.0
        if count and half_life:
            weights = 0.5 ** (np.arange(count)[::-1] / half_life)
            level = (weights * residual).sum() / weights.sum()
        spread = max(residual.std(), 3.0) if count > 2 else 7.0
        spread *= np.sqrt(1 + 1 / max(count, 1))
        expected = level + invoice[effects].values.astype(float) @ coefficients
        probabilities.append(1 - norm.cdf((TERMS + late_after + 0.5 - expected) / spread))
    late = (test.DaysLate > late_after).astype(int).values
    return roc_auc_score(late, probabilities), brier_score_loss(late, probabilities)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ibm-accounts-receivable.csv"
    if not os.path.exists(path):
        print(f"{path} not found; nothing to estimate", file=sys.stderr)
        return
    data = load(path)
    customers = pd.get_dummies(data.customerID).astype(float)
    customer_by_paperless = pd.get_dummies(data.customerID + "_" + data.paperless.astype(str)).astype(float)

    print("| estimate | late-after 0 | late-after 10 |")
    print("|---|---|---|")
    rows = [
        ("oracle: customer only", customers),
        ("oracle: customer and paperless period", customer_by_paperless),
        ("oracle: customer, Disputed and PaperlessBill", pd.concat([customers, data[["disputed", "paperless"]]], axis=1)),
    ]
    for name, design in rows:
        print(f"| {name} | {oracle(data, design, 0):.4f} | {oracle(data, design, 10):.4f} |")
    past_rows = [
        ("past only: customer mean", []),
        ("past only: customer mean, half-life 4 invoices", [], 4),
        ("past only: customer mean, half-life 10 invoices", [], 10),
        ("past only: customer level, paperless switch date known", ["paperless"]),
        ("past only: customer level and extra effects", ["disputed", "paperless"]),
    ]
    for name, effects, *half_life in past_rows:
        zero = past_only(data, 0, effects, *half_life)
        ten = past_only(data, 10, effects, *half_life)
        print(f"| {name} | {zero[0]:.4f} (Brier {zero[1]:.4f}) | {ten[0]:.4f} (Brier {ten[1]:.4f}) |")


if __name__ == "__main__":
    main()
