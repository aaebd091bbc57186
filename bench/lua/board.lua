-- S1: GET the board, as a signed-in member (bearer token), back to back on each connection.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local d = common.data
setup = common.setup
done = common.done

local req
function init(args)
  local h = common.headers(d.tokens[(tid - 1) % #d.tokens + 1])
  h["Content-Type"] = nil
  req = wrk.format("GET", "/api/groups/" .. d.slug .. "/board", h)
end

function request()
  return req
end
