// Medians and how sure they are, for the benchmarks: a 95% interval by bootstrap (the samples resampled
// with replacement, 2,000 times, from a fixed seed, so the same samples always give the same interval).

const DRAWS = 2000;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const resample = (xs, random) => xs.map(() => xs[Math.floor(random() * xs.length)]);
const interval = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[Math.floor(0.025 * sorted.length)], sorted[Math.ceil(0.975 * sorted.length) - 1]];
};

/** The 95% interval of the median of `xs`. */
export function medianInterval(xs) {
  const random = generator(1);
  return interval(Array.from({ length: DRAWS }, () => median(resample(xs, random))));
}

/** The 95% interval of median(a) / median(b), a and b sampled independently. */
export function ratioInterval(a, b) {
  const random = generator(2);
  return interval(Array.from({ length: DRAWS }, () => median(resample(a, random)) / median(resample(b, random))));
}
