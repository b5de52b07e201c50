package io.sluice.perf.stats;

/**
 * The regularized incomplete beta function I<sub>x</sub>(a, b), evaluated by Lentz's continued fraction
 * (Numerical Recipes' {@code betai}/{@code betacf}) with the symmetry I<sub>x</sub>(a, b) = 1 - I<sub>1-x</sub>(b, a)
 * used where the fraction converges fast. Allocation-free and thread-safe.
 */
public final class IncompleteBeta
{
    private static final int MAX_ITERATIONS = 10_000;
    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;

    private IncompleteBeta()
    {
    }

    /**
     * I<sub>x</sub>(a, b).
     *
     * @param x in [0, 1]
     * @param a positive
     * @param b positive
     * @return the regularized incomplete beta, in [0, 1]
     * @throws IllegalArgumentException if an argument is out of range or the fraction does not converge
     */
    public static double regularized(final double x, final double a, final double b)
    {
        if (!(x >= 0 && x <= 1))
        {
            throw new IllegalArgumentException("incomplete beta needs 0 <= x <= 1, got " + x);
        }
        if (!(a > 0 && b > 0))
        {
            throw new IllegalArgumentException("incomplete beta needs a, b > 0, got a=" + a + " b=" + b);
        }
        if (x == 0 || x == 1)
        {
            return x;
        }
        final double logFront = LogGamma.of(a + b) - LogGamma.of(a) - LogGamma.of(b)
            + a * Math.log(x) + b * Math.log1p(-x);
        final double front = Math.exp(logFront);
        if (x < (a + 1) / (a + b + 2))
        {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(final double x, final double a, final double b)
    {
        final double qab = a + b;
        final double qap = a + 1;
        final double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY)
        {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++)
        {
            final int m2 = 2 * m;
            final double evenTerm = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + evenTerm * d;
            if (Math.abs(d) < TINY)
            {
                d = TINY;
            }
            c = 1 + evenTerm / c;
            if (Math.abs(c) < TINY)
            {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            final double oddTerm = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + oddTerm * d;
            if (Math.abs(d) < TINY)
            {
                d = TINY;
            }
            c = 1 + oddTerm / c;
            if (Math.abs(c) < TINY)
            {
                c = TINY;
            }
            d = 1 / d;
            final double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON)
            {
                return h;
            }
        }
        throw new IllegalArgumentException("incomplete beta did not converge for x=" + x + " a=" + a + " b=" + b);
    }
}
