-- S3: create cards one by one (POST /cards), each thread its share. A thread that is done drops a marker file and
-- stops; the bench interrupts wrk (SIGINT) once every thread is done, so wrk's duration is the time to create them
-- all (wrk otherwise sleeps for its whole -d).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local d = common.data
setup = common.setup
done = common.done

local bodies, headers, path, sent, received

function init(args)
  bodies = d.bodies[tid]
  headers = common.headers(d.tokens[(tid - 1) % #d.tokens + 1])
  path = "/api/groups/" .. d.slug .. "/cards"
  sent = 0
  received = 0
end

function request()
  sent = sent % #bodies + 1
  return wrk.format("POST", path, headers, bodies[sent])
end

function response(status, hdrs, body)
  common.count("s" .. status)
  received = received + 1
  if received == #bodies then
    assert(io.open(os.getenv("BENCH_OUT") .. ".done" .. tid, "w")):close()
    wrk.thread:stop()
  end
end
