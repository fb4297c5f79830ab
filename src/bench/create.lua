-- wrk script for the benchmark's create row: each request POSTs a new candidate with a code no other request uses.
-- The sponsor and the admin key come from the environment that src/bench/bench.py sets.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  counter = 0
  sponsor = os.getenv("BENCH_SPONSOR")
  key = os.getenv("BENCH_ADMIN_KEY")
  prefix = os.getenv("BENCH_PREFIX") or "NEW"
end

function request()
  counter = counter + 1
  local body = string.format('{"code":"%s-%d-%d","name":"newimab","sponsorId":"%s","category":"THERAPEUTIC_BIOLOGIC",'
    .. '"registrationClass":"1","modality":"ANTIBODY","phase":"PHASE_1","phaseReachedOn":"2026-01-01"}',
    prefix, tid, counter, sponsor)
  return wrk.format("POST", "/api/v1/candidates",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end
