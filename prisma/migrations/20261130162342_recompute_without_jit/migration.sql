-- Hand-written: the statement that keeps test_run_controls is planned with its run list as a
-- parameter, which the planner costs above jit_above_cost; on a server built with LLVM the first
-- call in every connection then loaded and ran the JIT compiler (about 300 ms of a 10,000-case
-- ingest that otherwise takes 30 ms here). The query reads one run's cases through their index;
-- compiling it never pays off.
ALTER FUNCTION "test_run_controls_recompute"(uuid[]) SET jit = off;
