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
suppressPackageStartupMessages({
  library(forecast)
  library(AER)
})

num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
horizon <- function(freq) if (freq == 12) 12 else if (freq == 4) 8 else 6
min_length <- function(freq) if (freq == 12) 48 else if (freq == 4) 24 else 20
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])

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
    v <- na.contiguous(cols[[name]])
    v <- as.numeric(v)
    if (length(v) < min_length(freq) || any(v <= 0) || all(v %in% c(0, 1)) || length(unique(v)) < 3) next
    candidates[[name]] <- ts(tail(v, 240), frequency = freq)
  }
}
cat(length(candidates), "series\n")

series_out <- "bench/forecast/data/fresh_series.json"
ref_out <- "bench/forecast/data/fresh_r_reference.json"
series_records <- character()
ref_records <- character()
save <- function() {
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh.R","r":"%s","forecast":"%s","series":[',
            R.version.string, as.character(packageVersion("forecast"))),
    paste(series_records, collapse = ",\n"), "]}"), series_out)
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh.R","r":"%s","forecast":"%s","series":[',
            R.version.string, as.character(packageVersion("forecast"))),
    paste(ref_records, collapse = ",\n"), "]}"), ref_out)
}
for (name in names(candidates)) {
  x <- candidates[[name]]
  freq <- frequency(x)
  h <- horizon(freq)
  for (origin in 0:1) {
    n <- length(x) - origin * h
    train <- ts(as.numeric(x)[1:(n - h)], frequency = freq)
    test <- as.numeric(x)[(n - h + 1):n]
    t0 <- cpu()
    e <- ets(train)
    ets_ms <- 1000 * (cpu() - t0)
    t0 <- cpu()
    a <- auto.arima(train)
    arima_ms <- 1000 * (cpu() - t0)
    fe <- forecast(e, h = h, level = 95)
    fa <- forecast(a, h = h, level = 95)
    ft <- thetaf(train, h = h, level = 95)
    o <- arimaorder(a)
    order <- if (length(o) == 7) o else c(o, 0, 0, 0, 1)
    constant <- any(names(coef(a)) %in% c("drift", "intercept"))
    series_records <- c(series_records, sprintf(
      paste0('{"name":"%s","set":"fresh","origin":%d,"frequency":%d,"h":%d,"train":%s,"test":%s,',
             '"r":{"ets":%s,"thetaf":%s,"auto_arima":%s},"r_ets_model":"%s","r_ets_ms":%.1f}'),
      name, origin, freq, h, num(train), num(test),
      num(fe$mean), num(ft$mean), num(fa$mean), e$method, ets_ms))
    ref_records <- c(ref_records, sprintf(
      paste0('{"name":"%s","set":"fresh","origin":%d,"arima_order":%s,"arima_constant":%s,',
             '"arima_lower":%s,"arima_upper":%s,"ets_lower":%s,"ets_upper":%s,',
             '"thetaf_lower":%s,"thetaf_upper":%s,"arima_ms":%.1f}'),
      name, origin, num(order), if (constant) "true" else "false",
      num(fa$lower[, 1]), num(fa$upper[, 1]), num(fe$lower[, 1]), num(fe$upper[, 1]),
      num(ft$lower[, 1]), num(ft$upper[, 1]), arima_ms))
    cat(name, origin, paste(order, collapse = ","), sprintf("%.0f ms\n", arima_ms))
    save()
  }
}
