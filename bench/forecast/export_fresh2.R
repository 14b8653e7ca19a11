# Exports the SECOND fresh confirmation set ("fresh2") for `npm run bench:forecast`: series from R
# packages no earlier round of the forecast work used or looked at (docs/forecast.md, round 4).
#
# Run: Rscript bench/forecast/export_fresh2.R   (Debian's r-base-core, r-cran-forecast; the packages
# lmtest, sandwich, urca, tseries and boot, installed with them)
# Writes bench/forecast/data/fresh2_series.json and fresh2_r_reference.json (same format as the
# fresh_*.json files); both committed, so the benchmark runs without R.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh.R):
# - every time series in lmtest and sandwich (each column of a multivariate one); of lmtest's
#   Stock-Watson monthly sets (fyff, gmdc, ip, jocci, lhur, pw561) only the level column `y` (the
#   others are its differences and lags);
# - urca's data frames with a regular calendar: Raotbl1, 2, 3, 6, 7, denmark, finland, ecb and
#   UKpppuip quarterly, Raotbl4 and 5 yearly (nporg, npext: the Nelson-Plosser data already in
#   the unseen set; UKconsumption and UKconinc: the UK consumption data already in it);
# - tseries' bev (yearly), datasets' presidents (quarterly) and treering (yearly), boot's manaus
#   (monthly). Left out: series already in series.json or fresh_series.json, MASS's copies of
#   datasets series, sunspot.month (overlaps sunspots.recent), data with frequency other than 1, 4
#   and 12 or daily/weekly data stored as frequency 1 (tseries camp, forecast gold, boot wool,
#   lmtest ftemp);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly),
#   24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 6 / 8 / 12.
suppressPackageStartupMessages({
  library(forecast)
})

num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
horizon <- function(freq) if (freq == 12) 12 else if (freq == 4) 8 else 6
min_length <- function(freq) if (freq == 12) 48 else if (freq == 4) 24 else 20
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])

get_data <- function(item, package) {
  e <- new.env()
  suppressWarnings(data(list = item, package = package, envir = e))
  get(item, e)
}
candidates <- list()
# Same data as a series of series.json under another name (8+ identical consecutive values):
# moneydemand.Rl is NelPlo.int.rate, Raotbl6.rgnp is USeconomic.GNP.
already <- c("moneydemand.Rl", "Raotbl6.rgnp")
add <- function(name, v, freq) {
  if (name %in% already) return()
  v <- as.numeric(na.contiguous(ts(as.numeric(v))))
  if (length(v) < min_length(freq) || any(v <= 0) || all(v %in% c(0, 1)) || length(unique(v)) < 3) return()
  candidates[[name]] <<- ts(tail(v, 240), frequency = freq)
}
add_ts <- function(item, package, only = NULL) {
  x <- get_data(item, package)
  freq <- frequency(x)
  if (!(freq %in% c(1, 4, 12))) return()
  if (is.null(dim(x))) return(add(item, x, freq))
  cols <- if (is.null(only)) colnames(x) else only
  for (col in cols) add(paste(item, col, sep = "."), x[, col], freq)
}
add_frame <- function(item, freq, drop = character()) {
  x <- get_data(item, "urca")
  for (col in setdiff(colnames(x), drop)) if (is.numeric(x[[col]])) add(paste(item, col, sep = "."), x[[col]], freq)
}
for (item in c("bondyield", "ChickEgg", "currencysubstitution", "growthofmoney",
               "moneydemand", "unemployment", "USDistLag", "valueofstocks", "wages")) add_ts(item, "lmtest")
for (item in c("fyff", "gmdc", "ip", "jocci", "lhur", "pw561")) add_ts(item, "lmtest", only = "y")
add_ts("Investment", "sandwich")
for (item in c("Raotbl1", "Raotbl2", "Raotbl3", "Raotbl6", "Raotbl7", "denmark", "finland", "ecb", "UKpppuip"))
  add_frame(item, 4, drop = c("ENTRY", "period"))
for (item in c("Raotbl4", "Raotbl5")) add_frame(item, 1)
add_ts("bev", "tseries")
add_ts("presidents", "datasets")
add_ts("treering", "datasets")
add_ts("manaus", "boot")
cat(length(candidates), "series\n")

series_out <- "bench/forecast/data/fresh2_series.json"
ref_out <- "bench/forecast/data/fresh2_r_reference.json"
series_records <- character()
ref_records <- character()
save <- function() {
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh2.R","r":"%s","forecast":"%s","series":[',
            R.version.string, as.character(packageVersion("forecast"))),
    paste(series_records, collapse = ",\n"), "]}"), series_out)
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh2.R","r":"%s","forecast":"%s","series":[',
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
      paste0('{"name":"%s","set":"fresh2","origin":%d,"frequency":%d,"h":%d,"train":%s,"test":%s,',
             '"r":{"ets":%s,"thetaf":%s,"auto_arima":%s},"r_ets_model":"%s","r_ets_ms":%.1f}'),
      name, origin, freq, h, num(train), num(test),
      num(fe$mean), num(ft$mean), num(fa$mean), e$method, ets_ms))
    ref_records <- c(ref_records, sprintf(
      paste0('{"name":"%s","set":"fresh2","origin":%d,"arima_order":%s,"arima_constant":%s,',
             '"arima_lower":%s,"arima_upper":%s,"ets_lower":%s,"ets_upper":%s,',
             '"thetaf_lower":%s,"thetaf_upper":%s,"arima_ms":%.1f}'),
      name, origin, num(order), if (constant) "true" else "false",
      num(fa$lower[, 1]), num(fa$upper[, 1]), num(fe$lower[, 1]), num(fe$upper[, 1]),
      num(ft$lower[, 1]), num(ft$upper[, 1]), arima_ms))
    cat(name, origin, paste(order, collapse = ","), sprintf("%.0f ms\n", arima_ms))
    save()
  }
}
