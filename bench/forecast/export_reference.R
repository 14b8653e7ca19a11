# R's prediction intervals, auto.arima orders and run times for the benchmark series, beside the
# point forecasts export.R wrote (bench/forecast/data/series.json, one record per line).
#
# Run: Rscript bench/forecast/export_reference.R   (Debian's r-base-core and r-cran-forecast)
# Writes bench/forecast/data/r_reference.json (committed, so `npm run bench:forecast` needs no R):
# per series and origin, auto.arima's order and 95% interval, ets()'s and thetaf()'s 95% intervals,
# and the CPU time of auto.arima() (model selection included).
suppressPackageStartupMessages(library(forecast))

lines <- readLines("bench/forecast/data/series.json")
lines <- lines[grepl('^\\{"name"', lines)]
field <- function(line, key) sub(paste0('.*"', key, '":([^,]*),.*'), "\\1", line)
vector_field <- function(line, key) {
  as.numeric(strsplit(sub(paste0('.*"', key, '":\\[([^]]*)\\].*'), "\\1", line), ",")[[1]])
}
num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])

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
  o <- arimaorder(a)
  order <- if (length(o) == 7) o else c(o, 0, 0, 0, 1)
  constant <- any(names(coef(a)) %in% c("drift", "intercept"))
  records <- c(records, sprintf(
    paste0('{"name":"%s","set":"%s","origin":%d,"arima_order":%s,"arima_constant":%s,',
           '"arima_lower":%s,"arima_upper":%s,"ets_lower":%s,"ets_upper":%s,',
           '"thetaf_lower":%s,"thetaf_upper":%s,"arima_ms":%.1f}'),
    name, set, origin, num(order), if (constant) "true" else "false",
    num(fa$lower[, 1]), num(fa$upper[, 1]), num(fe$lower[, 1]), num(fe$upper[, 1]),
    num(ft$lower[, 1]), num(ft$upper[, 1]), arima_ms))
  cat(name, set, origin, paste(order, collapse = ","), sprintf("%.0f ms\n", arima_ms))
}
writeLines(c(
  sprintf('{"generator":"bench/forecast/export_reference.R","r":"%s","forecast":"%s","series":[',
          R.version.string, as.character(packageVersion("forecast"))),
  paste(records, collapse = ",\n"), "]}"), "bench/forecast/data/r_reference.json")
