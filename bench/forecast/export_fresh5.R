# Exports the FIFTH fresh confirmation set ("fresh5") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 7).
#
# Run: Rscript bench/forecast/export_fresh5.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite; the data files come from Debian's python3-statsmodels 0.13.5 and npm's
# vega-datasets 3.2.1: `cd /tmp/vega && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz`;
# STATSMODELS_DATA and VEGA_DATA override the two folders).
# Writes bench/forecast/data/fresh5_series.json and fresh5_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the sources.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh4.R):
# - statsmodels: macrodata (US quarterly macro, every column), danish_data (quarterly), the
#   interest_inflation quarterly pair, copper (yearly), elec_equip (monthly), co2 (weekly Mauna
#   Loa, frequency 52), elnino (monthly sea temperature, rows flattened), fertility (World Bank,
#   one yearly series per country);
# - vega-datasets: us-employment (monthly, every industry column), unemployment-across-industries
#   (monthly unemployed count per industry), stocks (monthly price per symbol), sp500 (monthly),
#   co2-concentration (monthly CO2), disasters (yearly deaths per kind, missing years as gaps),
#   wheat (wheat price and wages every 5 years, treated as yearly);
# - left out as the same data as a series of an earlier set: any series with a run of 8 consecutive
#   values identical to 8 consecutive values of any series of series.json or fresh_ … fresh4_
#   series.json (train and test), checked here, before any score;
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")
suppressPackageStartupMessages(library(jsonlite))

sm <- Sys.getenv("STATSMODELS_DATA", "/usr/lib/python3/dist-packages/statsmodels/datasets")
vega <- Sys.getenv("VEGA_DATA", "/tmp/vega/package/data")

collector <- new_collector(c("series.json", "fresh_series.json", "fresh2_series.json", "fresh3_series.json",
                                 "fresh4_series.json"))
add <- collector$add
columns <- function(x, cols, prefix, freq) for (col in cols) add(paste(prefix, col, sep = "."), x[[col]], freq)
csv <- function(...) read.csv(file.path(...), check.names = FALSE, fileEncoding = "UTF-8-BOM")

# statsmodels
x <- csv(sm, "macrodata", "macrodata.csv")
columns(x, setdiff(names(x), c("year", "quarter")), "macrodata", 4)
x <- csv(sm, "danish_data", "data.csv")
columns(x, setdiff(names(x), "period"), "danish", 4)
x <- csv(sm, "interest_inflation", "E6.csv")
columns(x, c("Dp", "R"), "interest_inflation", 4)
x <- csv(sm, "copper", "copper.csv")
columns(x, setdiff(names(x), c("YEAR", "TIME")), "copper", 1)
x <- csv(sm, "elec_equip", "elec_equip.csv")
add("elec_equip", x[[2]], 12)
x <- csv(sm, "co2", "co2.csv")
add("co2.weekly", x$co2, 52)
x <- csv(sm, "elnino", "elnino.csv")
add("elnino", as.numeric(t(as.matrix(x[, -1]))), 12)
x <- csv(sm, "fertility", "fertility.csv")
years <- grep("^[0-9]{4}$", names(x), value = TRUE)
for (i in seq_len(nrow(x))) add(paste("fertility", x[["Country Code"]][i], sep = "."), as.numeric(x[i, years]), 1)

# vega-datasets
x <- csv(vega, "us-employment.csv")
columns(x, setdiff(names(x), "month"), "us_employment", 12)
u <- fromJSON(file.path(vega, "unemployment-across-industries.json"))
u <- u[order(u$series, u$year, u$month), ]
for (s in unique(u$series)) add(paste("unemployment", s, sep = "."), u$count[u$series == s], 12)
st <- csv(vega, "stocks.csv")
st$t <- as.Date(st$date, format = "%b %d %Y")
st <- st[order(st$symbol, st$t), ]
for (s in unique(st$symbol)) add(paste("stocks", s, sep = "."), st$price[st$symbol == s], 12)
x <- csv(vega, "sp500.csv")
x <- x[order(as.Date(x$date, format = "%b %d %Y")), ]
add("sp500.monthly", x$price, 12)
x <- csv(vega, "co2-concentration.csv")
add("co2_concentration", x$CO2[order(x$Date)], 12)
d <- csv(vega, "disasters.csv")
for (s in unique(d$Entity)) {
  e <- d[d$Entity == s, ]
  v <- rep(NA_real_, max(d$Year) - min(e$Year) + 1)
  v[e$Year - min(e$Year) + 1] <- e$Deaths
  add(paste("disasters", s, sep = "."), v, 1)
}
w <- fromJSON(file.path(vega, "wheat.json"))
w <- w[order(as.numeric(w$year)), ]
add("wheat.price", w$wheat, 1)
add("wheat.wages", w$wages, 1)

cat(length(collector$candidates), "series;", length(collector$overlapping), "left out as earlier data:",
    collector$overlapping, "\n")
export_set(collector$candidates, "fresh5", "bench/forecast/export_fresh5.R")
