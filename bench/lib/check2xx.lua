-- Appended to every generated wrk script: counts responses whose status is not 2xx, over all
-- wrk threads, and prints "BENCH_NON2XX <n>" at the end for bench/lib/bench.py to read.
local bench_threads = {}

function setup(thread)
  table.insert(bench_threads, thread)
end

function init(args)
  bench_non2xx = 0
  bench_first_bad = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bench_non2xx = bench_non2xx + 1
    if bench_first_bad == 0 then bench_first_bad = status end
  end
end

function done(summary, latency, requests)
  local n, first = 0, 0
  for _, t in ipairs(bench_threads) do
    n = n + (t:get("bench_non2xx") or 0)
    local f = t:get("bench_first_bad") or 0
    if first == 0 then first = f end
  end
  io.write(string.format("BENCH_NON2XX %d %d\n", n, first))
end
