# Exports the EIGHTH fresh confirmation set ("fresh8") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 10),
# mostly monthly and quarterly (the round is about detecting a season): R's GGally (NASA Data Expo
# atmosphere grid, UK pig production), spacetime (German rural PM10), gstat (Irish wind speeds),
# waveslim (US CPI, unemployment, exchange rates, tourism, Japan GDP, Mexican money), quantreg (US
# gasoline prices, Melbourne temperatures), VGAM (US grain prices), Zelig (presidential approval,
# OECD macro panels), fExtremes (Danish fire-insurance claims), fBasics (Swiss economy) and pwt9
# (Penn World Table 9.1 real GDP) packages.
#
# Run: nice Rscript bench/forecast/export_fresh8.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite, r-cran-ggally 2.1.2, r-cran-spacetime 1.2-8, r-cran-gstat 2.1-0, r-cran-waveslim
# 1.8.4, r-cran-quantreg 5.94, r-cran-vgam 1.1-7, r-cran-zelig 5.1.7, r-cran-fextremes 4021.83,
# r-cran-fbasics 4021.93, r-cran-pwt9 9.1-0; FRESH8_DRY=1 prints what the rule keeps and stops
# before any fit).
# Writes bench/forecast/data/fresh8_series.json and fresh8_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the packages.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh7.R); daily
# data are aggregated to calendar months, means for levels (temperature, wind, PM10), sums and
# counts for claims:
# - GGally: nasa (monthly, Jan 1995 – Dec 2000, a 24 × 24 grid over Central America), the 16 grid
#   cells with x and y in {2, 8, 14, 20}, each of cloudhigh, cloudlow, cloudmid, ozone, pressure,
#   surftemp, temperature, named nasa.<x>-<y>.<variable>, in time order; pigs (quarterly UK pig
#   market 1967–1978): gilts, profit, s_per_herdsz, production, herdsz;
# - spacetime: air (daily PM10 at 70 German rural background stations, 1998–2009), per station the
#   mean of each calendar month's days with a value, NA for a month with fewer than 20 such days
#   (na.contiguous then keeps the longest full stretch), named air.<station>;
# - gstat: wind (daily mean wind speed at 12 Irish stations, 1961–1978), per station the monthly
#   mean, named wind.<station>;
# - waveslim: every data set that is a ts of frequency 4 or 12 (cpi, exchange's two columns,
#   japan, mexm, tourism, unemploy); its frequency-1 objects are test signals, a seismogram, daily
#   stock prices and Nile minima, left out;
# - quantreg: gasprice (weekly US gasoline price, frequency 52); MelTemp (daily Melbourne maximum
#   temperature 1981–1990, 365 days a year) as monthly means (days 1–31 January, 32–59 February, …);
# - VGAM: grain.us (monthly US prices Jan 1961 – Oct 1972): wheat.flour, corn, wheat, rye;
# - Zelig: approval (monthly, Feb 2001 – Jun 2006): approve, disapprove, unsure, avg.price, in date
#   order; macro (14 OECD countries, yearly 1966–1990): gdp, unem, capmob, trade per country;
#   seatshare (yearly per country): unemp, leftseat per country; named <set>.<country>.<column>;
# - fExtremes: danishClaims (Danish fire-insurance claims over 1 M DKK, 1980–1990, one row a
#   claim): the monthly number of claims (danishClaims.count) and the monthly sum of the claims
#   (danishClaims.total);
# - fBasics: swissEconomy (yearly 1964–1999), its 7 columns;
# - pwt9: pwt9.1, rgdpna (real GDP at constant national prices) per country (isocode sorted),
#   yearly 1950–2017, named pwt9.1.<isocode>.rgdpna;
# - left out (no series of ours' kind, or no time series): daily stock prices and returns (fBasics,
#   fExtremes bmwRet, TTR), evd's yearly extremes, Rwave's signals, EpiEstim's short daily epidemics,
#   tidyr's who/population (under 20 yearly values), VIM, latticeExtra, lattice, MCMCpack, prophet,
#   rsample, cubelyr (nasa again), pwt and pwt8 (older vintages of pwt9.1);
# - left out as the same data as a series of an earlier set: any series with a run of 8 consecutive
#   values identical to 8 consecutive values of any series of series.json or fresh_ … fresh7_
#   series.json (train and test), or (at least 4 of them distinct) equal to 4 significant digits
#   to 8 consecutive values of such a series, of its exp() or of its log(); checked here, before
#   any score;
# - left out as the same data twice in this set: of series sharing such a run (4 significant
#   digits, as is, as exp() or as log()), the longer one is kept (on a tie, the first in the order
#   above);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7"), "_series.json"))
collector <- new_collector(earlier_files)

# Monthly means (or `fun`) of daily values `v` on `months` (a factor of calendar months, every
# month of the span a level); NA for a month with fewer than `min_days` values.
monthly <- function(v, months, fun = mean, min_days = 1) {
  days <- tapply(!is.na(v), months, sum)
  out <- tapply(v, months, function(x) fun(x[!is.na(x)]))
  out[is.na(days) | days < min_days] <- NA
  as.numeric(out)
}
month_factor <- function(dates) {
  first <- as.Date(format(min(dates), "%Y-%m-01"))
  span <- seq(first, max(dates), by = "month")
  factor(format(dates, "%Y-%m"), levels = format(span, "%Y-%m"))
}

# GGally
nasa <- get_data("nasa", "GGally")
nasa <- nasa[order(nasa$y, nasa$x, nasa$date), ]
grid <- c(2, 8, 14, 20)
for (y in grid) for (x in grid) {
  cell <- nasa[nasa$x == x & nasa$y == y, ]
  for (col in c("cloudhigh", "cloudlow", "cloudmid", "ozone", "pressure", "surftemp", "temperature")) {
    collector$add(sprintf("nasa.%d-%d.%s", x, y, col), cell[[col]], 12)
  }
}
pigs <- get_data("pigs", "GGally")
pigs <- pigs[order(pigs$time), ]
for (col in c("gilts", "profit", "s_per_herdsz", "production", "herdsz")) collector$add(paste("pigs", col, sep = "."), pigs[[col]], 4)

# spacetime
air_env <- new.env()
data("air", package = "spacetime", envir = air_env)
air_months <- month_factor(air_env$dates)
for (i in seq_len(nrow(air_env$air))) {
  collector$add(paste("air", rownames(air_env$air)[i], sep = "."), monthly(air_env$air[i, ], air_months, mean, 20), 12)
}

# gstat
wind <- get_data("wind", "gstat")
wind_dates <- as.Date(sprintf("%d-%02d-%02d", 1900 + wind$year, wind$month, wind$day))
wind <- wind[order(wind_dates), ]
wind_months <- month_factor(sort(wind_dates))
for (col in setdiff(names(wind), c("year", "month", "day"))) collector$add(paste("wind", col, sep = "."), monthly(wind[[col]], wind_months), 12)

# waveslim
for (item in sort(data(package = "waveslim")$results[, "Item"])) {
  x <- get_data(item, "waveslim")
  if (!is.ts(x) || !(frequency(x) %in% c(4, 12))) next
  if (NCOL(x) == 1) {
    collector$add(item, as.numeric(x), frequency(x))
  } else {
    for (j in seq_len(ncol(x))) collector$add(paste(item, colnames(x)[j], sep = "."), as.numeric(x[, j]), frequency(x))
  }
}

# quantreg
collector$add("gasprice", as.numeric(get_data("gasprice", "quantreg")), 52)
mel <- as.numeric(get_data("MelTemp", "quantreg"))
days_in_month <- c(31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
mel_months <- factor(rep(seq_len(length(mel) / 365), each = 365) * 100 + rep(rep(1:12, days_in_month), length(mel) / 365))
collector$add("MelTemp", monthly(mel, mel_months), 12)

# VGAM
grain <- get_data("grain.us", "VGAM")
for (col in names(grain)) collector$add(paste("grain.us", col, sep = "."), grain[[col]], 12)

# Zelig
approval <- get_data("approval", "Zelig")
approval <- approval[order(approval$year, approval$month), ]
for (col in c("approve", "disapprove", "unsure", "avg.price")) collector$add(paste("approval", col, sep = "."), approval[[col]], 12)
for (set in c("macro", "seatshare")) {
  d <- get_data(set, "Zelig")
  d <- d[order(d$country, d$year), ]
  for (country in unique(d$country)) {
    rows <- d[d$country == country, ]
    for (col in setdiff(names(d), c("country", "year"))) collector$add(paste(set, country, col, sep = "."), rows[[col]], 1)
  }
}

# fExtremes
claims <- get_data("danishClaims", "fExtremes")
claim_dates <- as.Date(as.character(claims[[1]]))
claim_months <- factor(format(claim_dates, "%Y-%m"),
                       levels = format(seq(as.Date("1980-01-01"), as.Date("1990-12-01"), by = "month"), "%Y-%m"))
collector$add("danishClaims.count", as.numeric(table(claim_months)), 12)
collector$add("danishClaims.total", monthly(claims[[2]], claim_months, sum), 12)

# fBasics
swiss <- get_data("swissEconomy", "fBasics")
for (col in colnames(swiss)) collector$add(paste("swissEconomy", col, sep = "."), as.numeric(swiss[, col]), 1)

# pwt9
pwt <- get_data("pwt9.1", "pwt9")
pwt <- pwt[order(pwt$isocode, pwt$year), ]
for (iso in sort(unique(as.character(pwt$isocode)))) {
  collector$add(paste("pwt9.1", iso, "rgdpna", sep = "."), pwt$rgdpna[pwt$isocode == iso], 1)
}

finish_set(collector, earlier_files, "fresh8", "bench/forecast/export_fresh8.R")
