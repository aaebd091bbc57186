-- S4: mixed traffic with bearer tokens. Per request: 80% board reads, 10% moves, 5% card edits (PUT with the card's
-- version), 5% meeting reads. Moves and edits use the thread's own cards and their current versions.
-- When the meetings endpoints are not there (d.meetings == false) their 5% go to board reads (TODO in the report).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local d = common.data
setup = common.setup
done = common.done

local cards, headers, board, i, cur, kind, target
local statuses = { "PLANNED", "IN_PROGRESS", "DONE", "BLOCKED" }

local function month_json(m)
  if m == "backlog" then return "null" end
  return '"' .. m .. '"'
end

function init(args)
  cards = d.owned[tid]
  headers = common.headers(d.tokens[(tid - 1) % #d.tokens + 1])
  board = wrk.format("GET", "/api/groups/" .. d.slug .. "/board", headers)
  i = 0
  math.randomseed(2000 + tid)
end

function request()
  local r = math.random()
  if r < 0.80 or (r >= 0.95 and not d.meetings) then
    kind = "board"
    return board
  end
  i = i % #cards + 1
  cur = cards[i]
  if r < 0.90 then
    kind = "move"
    target = d.columns[math.random(#d.columns)]
    local anchors = d.anchors[target]
    local place = ""
    if #anchors > 0 then place = ',"afterCardId":' .. anchors[math.random(#anchors)] end
    local body = '{"month":' .. month_json(target) .. place .. ',"version":' .. cur.v .. '}'
    return wrk.format("POST", "/api/groups/" .. d.slug .. "/cards/" .. cur.id .. "/move", headers, body)
  elseif r < 0.95 then
    kind = "edit"
    local goal = "null"
    if #d.goals > 0 then goal = tostring(d.goals[math.random(#d.goals)]) end
    local body = '{"title":"Edited in the mixed run ' .. cur.id .. '-' .. cur.v .. '","description":"Edited *again*",'
      .. '"status":"' .. statuses[math.random(#statuses)] .. '","responsible":"Activator","support":"CBT liaison",'
      .. '"deliverable":"documentation","goalId":' .. goal .. ',"version":' .. cur.v .. '}'
    return wrk.format("PUT", "/api/groups/" .. d.slug .. "/cards/" .. cur.id, headers, body)
  else
    kind = "meeting"
    if math.random() < 0.5 or #d.meetingIds == 0 then
      return wrk.format("GET", "/api/groups/" .. d.slug .. "/meetings?when=all&size=20", headers)
    end
    return wrk.format("GET", "/api/groups/" .. d.slug .. "/meetings/" .. d.meetingIds[math.random(#d.meetingIds)],
      headers)
  end
end

function response(status, hdrs, body)
  common.count(kind)
  if status >= 400 then common.count(kind .. "_" .. status) end
  if kind == "move" or kind == "edit" then
    local v = common.version(body)
    if v then cur.v = v end
    if status == 200 and kind == "move" then cur.m = target end
  end
end
