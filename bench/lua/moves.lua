-- S2: moves and reorders. Each wrk thread is one client with one connection and its own cards (no two clients ever
-- move the same card), and always sends its card's current version (taken from the previous answer), so any error
-- is the server's. Half the moves reorder within the card's column, half go to another month (or the backlog); the
-- card goes right after or right before an anchor card (cards no client moves), or to the end of the column.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local d = common.data
setup = common.setup
done = common.done

local cards, headers, i, cur, target

local function month_json(m)
  if m == "backlog" then return "null" end
  return '"' .. m .. '"'
end

function init(args)
  cards = d.owned[tid]
  headers = common.headers(d.tokens[(tid - 1) % #d.tokens + 1])
  i = 0
  math.randomseed(1000 + tid)
end

function request()
  i = i % #cards + 1
  cur = cards[i]
  if math.random() < 0.5 then
    target = cur.m
  else
    target = d.columns[math.random(#d.columns)]
  end
  local anchors = d.anchors[target]
  local r = math.random()
  local place = ""
  if #anchors > 0 and r < 0.45 then
    place = ',"afterCardId":' .. anchors[math.random(#anchors)]
  elseif #anchors > 0 and r < 0.9 then
    place = ',"beforeCardId":' .. anchors[math.random(#anchors)]
  end
  local body = '{"month":' .. month_json(target) .. place .. ',"version":' .. cur.v .. '}'
  return wrk.format("POST", "/api/groups/" .. d.slug .. "/cards/" .. cur.id .. "/move", headers, body)
end

function response(status, hdrs, body)
  common.count("s" .. status)
  local v = common.version(body)
  if status == 200 then
    cur.m = target
  end
  if v then cur.v = v end -- a 409 carries the current card: carry on from it
end
