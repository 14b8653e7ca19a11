# Exports the FRESH confirmation set for `npm run bench:forecast`: series from R's AER package,
# which no earlier round of the forecast work used or looked at (docs/forecast.md, "Fresh set").
#
# Run: Rscript bench/forecast/export_fresh.R   (Debian's r-base-core, r-cran-forecast, r-cran-aer)
# Writes bench/forecast/data/fresh_series.json (as series.json: train/test, R's point forecasts)
# and bench/forecast/data/fresh_r_reference.json (as r_reference.json: R's 95% intervals,
# auto.arima's orders and CPU time); both committed, so the benchmark runs without R.
#
# Selection rule, fixed before any score was computed: every time series in AER (each column of
# a multivariate one) with frequency 1, 4 or 12, all values positive (sMAPE and Naive2's
# multiplicative decomposition need them), not constant, and at least 20 (yearly), 24 (quarterly)
# or 48 (monthly) values, cut to its last 240. Excluded by kind: MarkDollar, MarkPound and
# ConsumerGood (weekly and daily data stored with frequency 1), dummy columns (0/1). Protocol as
# export.R: two origins, h = 6 / 8 / 12.
source("bench/forecast/export_common.R")
suppressPackageStartupMessages(library(AER))

items <- sub(" .*", "", data(package = "AER")$results[, "Item"])
candidates <- list()
for (item in sort(items)) {
  if (item %in% c("MarkDollar", "MarkPound", "ConsumerGood")) next
  e <- new.env()
  ok <- tryCatch({ data(list = item, package = "AER", envir = e); TRUE }, error = function(err) FALSE)
  if (!ok) next
  x <- get(item, e)
  if (!is.ts(x)) next
  freq <- frequency(x)
  if (!(freq %in% c(1, 4, 12))) next
  cols <- if (is.null(dim(x))) list(x) else lapply(seq_len(ncol(x)), function(j) x[, j])
  names(cols) <- if (is.null(dim(x))) item else paste(item, colnames(x), sep = ".")
  for (name in names(cols)) {
    kept <- select_series(cols[[name]], freq)
    if (!is.null(kept)) candidates[[name]] <- kept
  }
}
cat(length(candidates), "series\n")

export_set(candidates, "fresh", "bench/forecast/export_fresh.R")
