// A cache in front of a pure function of one argument, for values that repeat across a large ledger
// (days, due dates, grades), where computing each one again costs more than a Map lookup.

/** Returns `compute` with its results cached by argument. */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      cache.set(key, value);
    }
    return value as V;
  };
}
