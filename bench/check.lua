-- wrk script for bench/run. BENCH_MODE=check: GET /suppressions/{address} with an address drawn at random
-- from BENCH_ADDRESSES (the probe file: address, expected verdict, kind; tab-separated).
-- BENCH_MODE=floor: GET /actuator/health/liveness, the cheapest endpoint: what the stack itself costs.
-- Both send the same Authorization header, so the floor runs the same filter chain.
-- done() prints one line "WRK_JSON {...}" with the figures bench/run keeps.

local mode = os.getenv("BENCH_MODE") or "check"
local key = os.getenv("BENCH_KEY") or ""
local file = os.getenv("BENCH_ADDRESSES")
local addresses = {}
local counter = 0

wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["Accept"] = "application/json"

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

function init(args)
   if mode == "check" then
      for line in io.lines(file) do
         local address = line:match("^([^\t]+)")
         if address then
            addresses[#addresses + 1] = "/suppressions/" .. address
         end
      end
   end
   math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function request()
   if mode == "check" then
      return wrk.format("GET", addresses[math.random(#addresses)])
   end
   return wrk.format("GET", "/actuator/health/liveness")
end

function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'WRK_JSON {"mode":"%s","requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,' ..
      '"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,"errors":%d,"errors_detail":{"connect":%d,"read":%d,' ..
      '"write":%d,"status":%d,"timeout":%d}}\n',
      mode, summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      e.connect + e.read + e.write + e.status + e.timeout,
      e.connect, e.read, e.write, e.status, e.timeout))
end
