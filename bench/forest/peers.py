"""One peer measurement (scikit-learn or XGBoost random forest) in a fresh process.

Reads the float64 files written by dist/bench/forest/run.js and prints one JSON line with the same
fields as bench/forest/engine.ts. Run with Debian's /usr/bin/python3 (python3-sklearn,
python3-xgboost). Prints {"skipped": reason} when the package is missing.

Usage: /usr/bin/python3 bench/forest/peers.py --engine sklearn|xgboost --dir DIR --rows N [--threads T]
"""

import argparse
import json
import os
import pickle
import resource
import sys
import time

FEATURES = 25


def peak_mib():
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read(directory, name, rows, cols):
    import numpy as np

    values = np.fromfile(os.path.join(directory, name), dtype="<f8")
    if cols > 1:
        values = values.reshape(-1, cols)
    return values[:rows] if rows is not None else values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", required=True, choices=["sklearn", "xgboost"])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    try:
        import numpy as np  # noqa: F401
        from sklearn.metrics import roc_auc_score

        if args.engine == "sklearn":
            import sklearn
            from sklearn.ensemble import RandomForestClassifier

            version = sklearn.__version__
        else:
            import xgboost
            from xgboost import XGBRFClassifier

            version = xgboost.__version__
    except ImportError as error:
        print(json.dumps({"engine": args.engine, "skipped": f"not installed: {error}"}))
        return

    train_x = read(args.dir, "train-X.f64", args.rows, FEATURES)
    train_y = read(args.dir, "train-y.f64", args.rows, 1).astype(int)
    test_x = read(args.dir, "test-X.f64", None, FEATURES)
    test_y = read(args.dir, "test-y.f64", None, 1).astype(int)
    base = peak_mib()

    if args.engine == "sklearn":
        model = RandomForestClassifier(
            n_estimators=100, max_depth=12, max_features="sqrt", n_jobs=args.threads, random_state=1
        )
    else:
        # colsample_bynode 0.2 draws 5 of the 25 features at each split, as max_features="sqrt" does;
        # subsample keeps XGBRFClassifier's default of 0.8 (drawn without replacement).
        model = XGBRFClassifier(
            n_estimators=100,
            max_depth=12,
            tree_method="hist",
            colsample_bynode=0.2,
            n_jobs=args.threads,
            random_state=1,
        )

    start = time.perf_counter()
    cpu_start = time.process_time()
    model.fit(train_x, train_y)
    train_seconds = time.perf_counter() - start
    train_cpu_seconds = time.process_time() - cpu_start

    start = time.perf_counter()
    probabilities = model.predict_proba(test_x)[:, 1]
    predict_seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "engine": f"{args.engine} {version}",
                "threads": args.threads,
                "rows": args.rows,
                "trainSeconds": train_seconds,
                "trainCpuSeconds": train_cpu_seconds,
                "predictSeconds": predict_seconds,
                "predictRows": len(test_y),
                "peakMiB": peak_mib(),
                "baseMiB": base,
                "modelBytes": len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)),
                "auc": float(roc_auc_score(test_y, probabilities)),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
