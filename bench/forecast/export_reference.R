# R's prediction intervals, auto.arima orders and run times for the benchmark series, beside the
# point forecasts export.R wrote (bench/forecast/data/series.json, one record per line).
#
# Run: Rscript bench/forecast/export_reference.R   (Debian's r-base-core and r-cran-forecast)
# Writes bench/forecast/data/r_reference.json (committed, so `npm run bench:forecast` needs no R):
# per series and origin, auto.arima's order and 95% interval, ets()'s and thetaf()'s 95% intervals,
# and the CPU time of auto.arima() (model selection included).
source("bench/forecast/export_common.R")

lines <- readLines("bench/forecast/data/series.json")
lines <- lines[grepl('^\\{"name"', lines)]
field <- function(line, key) sub(paste0('.*"', key, '":([^,]*),.*'), "\\1", line)
vector_field <- function(line, key) {
  as.numeric(strsplit(sub(paste0('.*"', key, '":\\[([^]]*)\\].*'), "\\1", line), ",")[[1]])
}

records <- character()
for (line in lines) {
  name <- gsub('"', "", field(line, "name"))
  set <- gsub('"', "", field(line, "set"))
  origin <- as.integer(field(line, "origin"))
  freq <- as.integer(field(line, "frequency"))
  h <- as.integer(field(line, "h"))
  train <- ts(vector_field(line, "train"), frequency = freq)
  t0 <- cpu()
  a <- auto.arima(train)
  arima_ms <- 1000 * (cpu() - t0)
  fa <- forecast(a, h = h, level = 95)
  fe <- forecast(ets(train), h = h, level = 95)
  ft <- thetaf(train, h = h, level = 95)
  records <- c(records, reference_record(name, set, origin, a, fa, fe, ft, arima_ms))
  cat(name, set, origin, paste(arimaorder7(a), collapse = ","), sprintf("%.0f ms\n", arima_ms))
}
writeLines(c(
  sprintf('{"generator":"bench/forecast/export_reference.R","r":"%s","forecast":"%s","series":[',
          R.version.string, as.character(packageVersion("forecast"))),
  paste(records, collapse = ",\n"), "]}"), "bench/forecast/data/r_reference.json")
