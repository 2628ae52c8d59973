-- POST /api/v1/agencies/{id}/applications: one valid online application per request (a natural person with the
-- checksum-valid test identity number the API tests use; no real person's data). Non-2xx answers (a rate limiter,
-- a validation error) are counted by wrk and printed by report.lua's done(), so they cannot pass unseen.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"applicantKind":"NaturalPerson","name":"基准测试","personDocumentNumber":"11010519491231002X",' ..
  '"email":"bench@example.cn","content":"基准测试：请公开2025年区级预算调整方案全文"}'

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")
