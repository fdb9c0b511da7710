-- Shared by pages.lua and stats.lua: random station-year requests for wrk.
--   wrk -t2 -c16 -d15s --latency -s bench/wrk/pages.lua http://127.0.0.1:18080 -- STATIONS_FILE
-- STATIONS_FILE holds one station id a line (api-bench.sh writes it from the loaded table).
-- Years are drawn from 1985..2014 (override with the 2nd and 3rd script arguments).

local common = {}
local thread_count = 0

function common.setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_id", thread_count)
end

function common.init(args)
   local file = args[1] or os.getenv("STATIONS_FILE")
   assert(file, "usage: wrk ... -s SCRIPT URL -- STATIONS_FILE [FROM_YEAR TO_YEAR]")
   stations = {}
   for line in io.lines(file) do
      local id = line:match("^%s*(%S+)%s*$")
      if id then stations[#stations + 1] = id end
   end
   assert(#stations > 0, "no station in " .. file)
   from_year = tonumber(args[2] or "1985")
   to_year = tonumber(args[3] or "2014")
   math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function common.pick()
   return stations[math.random(#stations)], math.random(from_year, to_year)
end

-- One line the benchmark script parses: requests/s, latency percentiles in ms, non-2xx and socket errors.
function common.done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   io.write(string.format(
      "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end

return common
