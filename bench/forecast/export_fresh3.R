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
source("bench/forecast/export_common.R")

candidates <- list()
already <- c("unemp", "SumHes.U.S.A..pop")
add <- function(name, v, freq) {
  if (name %in% already) return()
  kept <- select_series(v, freq)
  if (!is.null(kept)) candidates[[name]] <<- kept
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

export_set(candidates, "fresh3", "bench/forecast/export_fresh3.R")
