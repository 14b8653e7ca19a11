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
source("bench/forecast/export_common.R")

candidates <- list()
# Same data as a series of series.json under another name (8+ identical consecutive values):
# moneydemand.Rl is NelPlo.int.rate, Raotbl6.rgnp is USeconomic.GNP.
already <- c("moneydemand.Rl", "Raotbl6.rgnp")
add <- function(name, v, freq) {
  if (name %in% already) return()
  kept <- select_series(v, freq)
  if (!is.null(kept)) candidates[[name]] <<- kept
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

export_set(candidates, "fresh2", "bench/forecast/export_fresh2.R")
