-- wrk script for bench/approve.sh, one connection. APPROVE_BENCH_MODE=create: each request creates
-- a new article (its slug numbered from APPROVE_BENCH_FIRST). APPROVE_BENCH_MODE=approve: each
-- request approves the next submitted article on file, from APPROVE_BENCH_FIRST on, which publishes it.
local dir = os.getenv("APPROVE_BENCH_DIR")
local mode = os.getenv("APPROVE_BENCH_MODE")
local next_one = tonumber(os.getenv("APPROVE_BENCH_FIRST") or "1")
local function read(name)
  local file = assert(io.open(dir .. "/" .. name))
  local text = file:read("*a")
  file:close()
  return (text:gsub("%s+$", ""))
end

function init(args)
  refused = 0
  if mode == "create" then
    token = read("editor-token")
    body = read("create-body.json")
  else
    token = read("reviewer-token")
    submitted = {}
    for line in io.lines(dir .. "/submitted.txt") do
      local id, version, hash = line:match("^(%S+) (%S+) (%S+)$")
      submitted[#submitted + 1] = { id = id, version = version, hash = hash }
    end
  end
end

function request()
  local n = next_one
  next_one = next_one + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if mode == "create" then
    return wrk.format("POST", "/api/v1/editorial/articles", headers,
                      (body:gsub("SLUG", "create-bench-" .. n)))
  end
  local article = submitted[n]
  return wrk.format("POST", "/api/v1/editorial/articles/" .. article.id .. "/approve", headers,
                    '{"version":' .. article.version .. ',"contentHash":"' .. article.hash .. '"}')
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  io.stderr:write(string.format("requests %d, non-2xx %d\n", summary.requests, summary.errors.status))
end
