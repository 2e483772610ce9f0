-- wrk script: each request searches two random topical words of the benchmark corpus, so that most
-- requests miss the list cache and reach PostgreSQL's full-text search.
local words = {"skin", "barrier", "gut", "bacteria", "fibre", "diet", "immune", "response", "flare", "itch",
  "moisturiser", "emollient", "inflammation", "study", "review", "trial", "children", "adults", "allergy",
  "microbiome", "balance", "strain", "probiotic", "yogurt", "vegetables", "sleep", "stress", "doctor",
  "cream", "treatment", "symptom", "cause", "prevention", "research"}
math.randomseed(os.time())
request = function()
  local q = words[math.random(#words)] .. "%20" .. words[math.random(#words)]
  -- the page size varies too, which multiplies the distinct requests past what the cache holds warm
  return wrk.format("GET", "/api/v1/articles?limit=" .. math.random(5, 100) .. "&q=" .. q)
end
