-- wrk script for bench/save.sh. Every connection (one per thread) saves its own article again and
-- again: the ETag of each answer is the If-Match of the next save, and the body alternates between
-- two versions of the article, so each save changes something.
local dir = os.getenv("SAVE_BENCH_DIR")
local function read(name)
  local file = assert(io.open(dir .. "/" .. name))
  local text = file:read("*a")
  file:close()
  return text
end

local targets = {}
for line in io.lines(dir .. "/targets.txt") do
  local id, etag = line:match("^(%S+) (.+)$")
  targets[#targets + 1] = { id = id, etag = etag }
end
-- Each run of wrk starts at its own article (SAVE_BENCH_FIRST), whose ETag is still the one on file.
local handed_out = tonumber(os.getenv("SAVE_BENCH_FIRST") or "0")

function setup(thread)
  handed_out = handed_out + 1
  thread:set("number", handed_out)
end

function init(args)
  local target = targets[number]
  path = "/api/v1/editorial/articles/" .. target.id
  etag = target.etag
  bodies = { read("body-a.json"), read("body-b.json") }
  token = read("token"):gsub("%s+$", "")
  turn = 1
  refused = 0
end

function request()
  turn = 3 - turn
  return wrk.format("PUT", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token,
                                   ["If-Match"] = etag }, bodies[turn])
end

function response(status, headers, body)
  if status == 200 then
    etag = headers["ETag"] or headers["etag"]
  else
    refused = refused + 1
  end
end
