-- wrk script for ./switchboard bench gateway: signed GitHub "issues" deliveries, each with
-- its own X-GitHub-Delivery id. GitHub signs the body only, so one body and its signature
-- serve every request; the delivery id makes each one a new delivery to the gateway.
-- Arguments (after --): body file, X-Hub-Signature-256 value, a hex run id (12 digits).
-- Prints one line the benchmark reads: "wrk-result accepted=N failed=N p50=ms p99=ms first=...".

local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  body = file:read("*a")
  file:close()
  signature = args[2]
  run = args[3]
  sent = 0
  accepted = 0
  failed = 0
  first = ""
end

function request()
  sent = sent + 1
  -- a UUID (version 4 layout): run id, thread and a counter make it unique per run
  local delivery = string.format("%08x-%04x-4%03x-8%03x-%s", sent % 0x100000000, thread_number,
      math.floor(sent / 0x100000000) % 0x1000, thread_number % 0x1000, run)
  return wrk.format("POST", "/webhooks/github", {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "issues",
    ["X-GitHub-Delivery"] = delivery,
    ["X-Hub-Signature-256"] = signature,
  }, body)
end

function response(status, headers, answer)
  if status == 202 then
    accepted = accepted + 1
  else
    failed = failed + 1
    if first == "" then
      first = status .. " " .. string.gsub(answer or "", "[\r\n]", " ")
    end
  end
end

function done(summary, latency, requests)
  local total_accepted, total_failed, first_failure = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_accepted = total_accepted + thread:get("accepted")
    total_failed = total_failed + thread:get("failed")
    if first_failure == "" then
      first_failure = thread:get("first")
    end
  end
  local errors = summary.errors
  total_failed = total_failed + errors.connect + errors.read + errors.write + errors.timeout
  io.write(string.format("wrk-result accepted=%d failed=%d seconds=%.3f p50=%.3f p99=%.3f first=%s\n",
      total_accepted, total_failed, summary.duration / 1e6, latency:percentile(50) / 1e3,
      latency:percentile(99) / 1e3, first_failure))
end
