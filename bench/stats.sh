# Statistics shared by the bench scripts (sourced, not run). Each function reads one number per line on stdin.

# The median.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# A 90 % bootstrap interval of the median (2,000 resamples): how far the median of this many noisy rounds can be trusted.
median_interval() {
  awk 'function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
                                     return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
       { v[NR] = $1 }
       END { srand(6); for (b = 1; b <= 2000; b++) { for (i = 1; i <= NR; i++) r[i] = v[int(rand() * NR) + 1]; m[b] = med(r, NR) }
             med(m, 2000); printf "%+.1f … %+.1f", m[100], m[1900] }'
}

# The mean and a 90 % bootstrap interval of it: "+m.m (+a.a … +b.b)". With the slow compiles of a new csc process
# (one in five, either configuration) the median hides a cost that makes slow compiles more frequent; the mean does not.
mean_interval() {
  awk 'function sort(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
       { v[NR] = $1; sum += $1 }
       END { srand(6); for (b = 1; b <= 2000; b++) { s = 0; for (i = 1; i <= NR; i++) s += v[int(rand() * NR) + 1]; m[b] = s / NR }
             sort(m, 2000); printf "%+.1f (%+.1f … %+.1f)", sum / NR, m[100], m[1900] }'
}

# "+x.y": how much larger $1 is than $2, in per cent.
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f", (a - b) * 100 / b }'; }
