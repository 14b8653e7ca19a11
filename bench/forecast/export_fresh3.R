# Exports the THIRD fresh confirmation set ("fresh3") for `npm run bench:forecast`: series from R
# packages no earlier round of the forecast work used or looked at (docs/forecast.md, round 5).
#
# Run: Rscript bench/forecast/export_fresh3.R   (Debian's r-base-core, r-cran-forecast, r-cran-plm,
# r-cran-cardata, r-cran-strucchange, r-cran-mfilter, r-cran-modeldata, r-cran-uroot)
# Writes bench/forecast/data/fresh3_series.json and fresh3_r_reference.json (same format as the
# fresh_*.json files); both committed, so the benchmark runs without R.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh.R):
# - uroot's bgt.data (UK quarterly consumption, not seasonally adjusted) and ch.data (US quarterly
#   macro series, Canova-Hansen), every series;
# - strucchange's USIncExp (monthly, both columns), durab (monthly, the level `y`; `lag` is its
#   lag), PhillipsCurve (yearly: p, w, u; the others are differences and lags), RealInt
#   (quarterly); mFilter's unemp (quarterly); modeldata's drinks (monthly);
# - yearly panels, one series per unit and variable: plm's Grunfeld (10 firms: inv, value,
#   capital), SumHes (125 countries: pop, gdp), Cigar (46 states: price, pop, pop16, ndi, sales;
#   pimin is left out, being the neighbouring states' prices; cpi is one national series repeated
#   in every state, kept once); carData's Hartnagel (every column but year);
# - left out as the same data as a series of an earlier set (8+ identical consecutive values):
#   mFilter's unemp (AER's USMacroSW.unemp), SumHes' U.S.A. pop (AER's USGasB.population);
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
  # uroot ships its data lazily under other file names: read them from its namespace.
  if (exists(item, e, inherits = FALSE)) get(item, e) else get(item, asNamespace(package)$.__NAMESPACE__.$lazydata)
}
candidates <- list()
already <- c("unemp", "SumHes.U.S.A..pop")
add <- function(name, v, freq) {
  if (name %in% already) return(invisible())
  v <- as.numeric(na.contiguous(ts(as.numeric(v))))
  if (length(v) < min_length(freq) || any(v <= 0) || all(v %in% c(0, 1)) || length(unique(v)) < 3) return(invisible())
  candidates[[name]] <<- ts(tail(v, 240), frequency = freq)
}
for (item in c("bgt.data", "ch.data")) {
  x <- get_data(item, "uroot")
  for (name in names(x)) add(paste(item, name, sep = "."), x[[name]], frequency(x[[name]]))
}
x <- get_data("USIncExp", "strucchange"); for (col in colnames(x)) add(paste("USIncExp", col, sep = "."), x[, col], 12)
add("durab.y", get_data("durab", "strucchange")[, "y"], 12)
x <- get_data("PhillipsCurve", "strucchange"); for (col in c("p", "w", "u")) add(paste("PhillipsCurve", col, sep = "."), x[, col], 1)
add("RealInt", get_data("RealInt", "strucchange"), 4)
add("unemp", get_data("unemp", "mFilter"), 4)
add("drinks", get_data("drinks", "modeldata")[[2]], 12)
panel <- function(item, package, unit, cols) {
  x <- get_data(item, package)
  x <- x[order(x[[unit]], x$year), ]
  for (u in unique(x[[unit]])) for (col in cols) add(paste(item, u, col, sep = "."), x[x[[unit]] == u, col], 1)
}
panel("Grunfeld", "plm", "firm", c("inv", "value", "capital"))
panel("SumHes", "plm", "country", c("pop", "gdp"))
panel("Cigar", "plm", "state", c("price", "pop", "pop16", "ndi", "sales"))
cig <- get_data("Cigar", "plm"); add("Cigar.cpi", cig[cig$state == cig$state[1], "cpi"][order(cig[cig$state == cig$state[1], "year"])], 1)
x <- get_data("Hartnagel", "carData"); for (col in setdiff(colnames(x), "year")) add(paste("Hartnagel", col, sep = "."), x[[col]], 1)
cat(length(candidates), "series\n")

series_out <- "bench/forecast/data/fresh3_series.json"
ref_out <- "bench/forecast/data/fresh3_r_reference.json"
series_records <- character()
ref_records <- character()
save <- function() {
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh3.R","r":"%s","forecast":"%s","series":[',
            R.version.string, as.character(packageVersion("forecast"))),
    paste(series_records, collapse = ",\n"), "]}"), series_out)
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export_fresh3.R","r":"%s","forecast":"%s","series":[',
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
      paste0('{"name":"%s","set":"fresh3","origin":%d,"frequency":%d,"h":%d,"train":%s,"test":%s,',
             '"r":{"ets":%s,"thetaf":%s,"auto_arima":%s},"r_ets_model":"%s","r_ets_ms":%.1f}'),
      name, origin, freq, h, num(train), num(test),
      num(fe$mean), num(ft$mean), num(fa$mean), e$method, ets_ms))
    ref_records <- c(ref_records, sprintf(
      paste0('{"name":"%s","set":"fresh3","origin":%d,"arima_order":%s,"arima_constant":%s,',
             '"arima_lower":%s,"arima_upper":%s,"ets_lower":%s,"ets_upper":%s,',
             '"thetaf_lower":%s,"thetaf_upper":%s,"arima_ms":%.1f}'),
      name, origin, num(order), if (constant) "true" else "false",
      num(fa$lower[, 1]), num(fa$upper[, 1]), num(fe$lower[, 1]), num(fe$upper[, 1]),
      num(ft$lower[, 1]), num(ft$upper[, 1]), arima_ms))
    cat(name, origin, paste(order, collapse = ","), sprintf("%.0f ms\n", arima_ms))
    save()
  }
}
