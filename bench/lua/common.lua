-- Shared by the wrk scripts: scenario data from BENCH_DATA (a Lua table written by the bench), thread ids, per-thread
-- counters, and a JSON summary written to BENCH_OUT (latencies in microseconds, as wrk measures them).
local M = {}
M.data = dofile(os.getenv("BENCH_DATA"))

local threads = {}

function M.setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- Per-thread counters (a global so done() can read them through thread:get).
counters = {}
function M.count(name)
  counters[name] = (counters[name] or 0) + 1
end

function M.done(summary, latency, requests)
  local out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  local e = summary.errors
  out:write(string.format('{"requests":%.0f,"durationUs":%.0f,"bytes":%.0f', summary.requests, summary.duration,
    summary.bytes))
  out:write(string.format(',"errors":{"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f}',
    e.connect, e.read, e.write, e.status, e.timeout))
  out:write(string.format(',"latencyUs":{"min":%.0f,"mean":%.1f,"stdev":%.1f,"max":%.0f', latency.min, latency.mean,
    latency.stdev, latency.max))
  for _, p in ipairs({50, 75, 90, 99, 99.9}) do
    out:write(string.format(',"p%s":%.0f', tostring(p):gsub("%.", ""), latency:percentile(p)))
  end
  out:write('},"counters":{')
  local totals = {}
  for _, t in ipairs(threads) do
    local c = t:get("counters")
    if c then
      for k, v in pairs(c) do totals[k] = (totals[k] or 0) + v end
    end
  end
  local first = true
  for k, v in pairs(totals) do
    out:write(string.format('%s"%s":%.0f', first and "" or ",", k, v))
    first = false
  end
  out:write("}}\n")
  out:close()
end

function M.headers(token)
  return { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json",
           ["Content-Type"] = "application/json" }
end

-- The value of "version" in a card (or in the "current" card of a 409 problem).
function M.version(body)
  return tonumber(body:match('"version":(%d+)'))
end

return M
