#!/usr/bin/env python3
"""Reference values for io.sluice.perf.stats tests, computed independently of the Java code.

No scipy on the build machines, so nothing here shares an algorithm with the Java implementation
(which uses the regularized incomplete beta by continued fraction):
  * t and Welch-Satterthwaite df: the textbook formulas with statistics.mean/variance.
  * Student t CDF: composite Simpson integration (200,000 panels) of the t density
    Gamma((v+1)/2) / (sqrt(v pi) Gamma(v/2)) * (1 + x^2/v)^(-(v+1)/2) from 0 to |t|, so
    CDF(t) = 1/2 + sign(t) * integral, two-sided p = 1 - 2 * integral.
  * Regularized incomplete beta I_x(a, b) for a, b >= 1, x < 1: Simpson integration of
    u^(a-1) (1-u)^(b-1) / B(a, b) from 0 to x, after substituting u = s^2 (du = 2s ds) so that
    non-integer a (e.g. u^0.5) leaves no infinite derivative at 0 to spoil Simpson's accuracy.
Simpson's error at this panel count is far below the 1e-9 tolerance the tests use.
Run: python3 perf-reports/src/test/python/welch_reference.py  (prints Java-ready literals)
"""
import math
import statistics

PANELS = 200_000


def simpson(f, lo, hi, n=PANELS):
    if hi == lo:
        return 0.0
    h = (hi - lo) / n
    s = f(lo) + f(hi)
    for i in range(1, n):
        s += (4 if i % 2 else 2) * f(lo + i * h)
    return s * h / 3


def t_density(v):
    c = math.exp(math.lgamma((v + 1) / 2) - math.lgamma(v / 2)) / math.sqrt(v * math.pi)
    return lambda x: c * (1 + x * x / v) ** (-(v + 1) / 2)


def t_cdf(t, v):
    half = simpson(t_density(v), 0.0, abs(t))
    return 0.5 + math.copysign(half, t)


def two_sided_p(t, v):
    return 1 - 2 * simpson(t_density(v), 0.0, abs(t))


def inc_beta(x, a, b):
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    integrand = lambda s: 2 * s ** (2 * a - 1) * (1 - s * s) ** (b - 1)
    return simpson(integrand, 0.0, math.sqrt(x)) / math.exp(log_beta)


def welch(a, b):
    ma, mb = statistics.mean(a), statistics.mean(b)
    va, vb = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
    t = (mb - ma) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    return t, df, two_sided_p(t, df)


CDF_CASES = [(0.5, 1.0), (2.0, 3.0), (-1.7, 4.5), (3.2, 10.0), (1.0, 100.0), (6.0, 2.3), (-0.25, 1.5)]
BETA_CASES = [(0.3, 2.0, 3.0), (0.7, 1.5, 4.5), (0.5, 10.0, 10.0), (0.9, 3.0, 1.0), (0.05, 1.0, 7.5)]
WELCH_CASES = [
    ([10.1, 9.8, 10.4, 10.0, 9.9], [11.2, 11.5, 10.9, 11.8, 11.1]),
    ([14.2, 13.1], [9.5, 8.6, 9.9]),
    ([1.0, 2.0, 3.0, 4.0], [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]),
    # per-fork means of the committed fixture hash-aggregation-small.json, fastutilAddTo distinctKeys=1000,
    # against the same numbers halved (the crafted regression of the real-fixture test)
    ([59.75201062749, 64.59458202126115], [29.876005313745, 32.297291010630575]),
]

if __name__ == "__main__":
    for t, v in CDF_CASES:
        print(f"{{{t!r}, {v!r}, {t_cdf(t, v)!r}}},")
    print()
    for x, a, b in BETA_CASES:
        print(f"{{{x!r}, {a!r}, {b!r}, {inc_beta(x, a, b)!r}}},")
    print()
    for a, b in WELCH_CASES:
        t, df, p = welch(a, b)
        print(f"a={a} b={b}\n  t={t!r} df={df!r} p={p!r}")
