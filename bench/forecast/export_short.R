# Exports R's forecasts for SHORT monthly histories, the length a sales manager's monthly revenue
# usually has (two or three years), for `npm run bench:forecast -- --short`
# (bench/forecast/shortHistories.ts; docs/forecast.md, "Short monthly histories").
#
# Run: Rscript bench/forecast/export_short.R   (Debian's r-base-core, r-cran-forecast, r-cran-jsonlite)
# Reads every bench/forecast/data/*series.json; for each monthly record (frequency 12) with at least
# 36 values to fit on, keeps only the last L = 24 or 36 of them (the record's test values and
# horizon unchanged) and writes auto.arima()'s and ets()'s forecasts and 95% intervals to
# bench/forecast/data/short_r_reference.json (committed, so the benchmark runs without R).
suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})
num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
dir <- "bench/forecast/data"
files <- c("series.json", "fresh_series.json", sprintf("fresh%d_series.json", 2:6))
records <- character()
for (file in files) {
  path <- file.path(dir, file)
  if (!file.exists(path)) next
  s <- fromJSON(path, simplifyVector = FALSE)$series
  for (r in s) {
    if (r$frequency != 12) next
    train <- as.numeric(unlist(r$train))
    if (length(train) < 36) next
    for (L in c(24, 36)) {
      y <- ts(tail(train, L), frequency = 12)
      h <- r$h
      fa <- forecast(auto.arima(y), h = h, level = 95)
      fe <- forecast(ets(y), h = h, level = 95)
      records <- c(records, sprintf(
        paste0('{"name":"%s","set":"%s","origin":%d,"length":%d,',
               '"arima":%s,"arima_lower":%s,"arima_upper":%s,',
               '"ets":%s,"ets_lower":%s,"ets_upper":%s}'),
        r$name, r$set, r$origin, L,
        num(fa$mean), num(fa$lower[, 1]), num(fa$upper[, 1]),
        num(fe$mean), num(fe$lower[, 1]), num(fe$upper[, 1])))
    }
  }
  cat(file, length(records), "\n")
}
out <- file.path(dir, "short_r_reference.json")
writeLines(c(sprintf('{"generator":"bench/forecast/export_short.R","r":"%s","forecast":"%s","series":[',
                     R.version.string, as.character(packageVersion("forecast"))),
             paste(records, collapse = ",\n"), "]}"), out)
cat("wrote", out, length(records), "records\n")
