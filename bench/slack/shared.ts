export const BENCH_SECRET = "bench-signing-secret";
