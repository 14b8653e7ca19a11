# Exports the TENTH fresh confirmation set ("fresh10") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 13),
# mostly yearly with business-like cycles (the round is about combining a detected cycle), then
# monthly with multi-year cycles: R's TeachingDemos (US crimes by state, 1960–2010), lasso2 (Iowa
# crop weather and yield), maps (Republican vote share by state, 1856–1976) and fPortfolio (Swiss
# and world market and macro indices, small-cap stocks) packages, the data files of Debian's
# python3-pywt (NOAA's monthly Niño region sea temperatures, ERSSTv4) and python3-plotly (weekly
# stock prices).
#
# Run: nice Rscript bench/forecast/export_fresh10.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite, r-cran-teachingdemos 2.12-2, r-cran-lasso2 1.2-22, r-cran-maps 3.4.1,
# r-cran-fportfolio 3042.83.1, python3-pywt 1.1.1 and python3-plotly 5.4.1; FRESH10_DRY=1 prints
# what the rule keeps and stops before any fit). PYWT_DATA (default
# /usr/lib/python3/dist-packages/pywt/data) and PLOTLY_DATA (default
# /usr/share/python3-plotly/datasets) override the two folders; the .npz is read with base R
# (a zip holding one little-endian float64 .npy array), the .csv.gz with gzfile(). No npm data.
# Writes bench/forecast/data/fresh10_series.json and fresh10_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the sources.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh9.R); daily
# index levels are aggregated to calendar months as the mean of the month's trading days, the
# first and the last calendar month of each file left out (partial);
# - TeachingDemos: USCrimes (yearly 1960–2010, 52 areas: the 50 states, DC and "United
#   States-Total"), per area in the array's order the counts of the seven offences Murder, Rape,
#   Robbery, Assault, Burglary, Theft, VehicleTheft, named USCrimes.<area>.<offence> (spaces in
#   the area as "_"); left out: the rates (the counts divided by Population), the two totals
#   (sums of the offences) and Population (the states' yearly population of fresh4's dslabs
#   us_contagious_diseases, another vintage the near-copy checks below may not see);
# - lasso2: Iowa (yearly 1930–1962), its 9 columns other than Year (Iowa.<column>); Prostate
#   (a cross-section) left out;
# - maps: votes.repub (the Republican candidate's percentage of the presidential vote per state,
#   31 elections 1856–1976, one value every 4 years, exported as frequency 1), per state in the
#   matrix's order, named votes.repub.<state>; cluster's votes.repub is the same matrix;
# - fPortfolio: ECON85LONG (monthly, month ends Dec 1984 – Mar 2010), each of its 18 value
#   columns (ECON85LONG.<column>; ECON85 is its first 11 columns, left out); SPISECTOR (daily Swiss
#   sector indices 1999–2008) monthly means of its 9 sectors other than SPI (SPISECTOR.<sector>;
#   SPI is ECON85LONG's SPI85 quantity); SWX (daily Swiss indices 2000–2007) the monthly mean of
#   SII (SWX.SII; its SBI, SPI, LP25, LP40, LP60 are ECON85LONG's SBI85, SPI85, LPP25P, LPP40P,
#   LPP60P quantities); SMALLCAP (monthly 1997–2001, 20 small-cap stocks, the market and T90 as
#   price indices), each of its 22 columns (SMALLCAP.<column>); left out: the *.RET sets
#   (returns), GCCINDEX (daily Gulf indices, 825 days: under 48 months), LPP2005 (377 days);
# - pywt: sst_nino3.npz (NOAA CPC's ersst4.nino.mth.81-10, monthly Jan 1950 – Aug 2016), the sea
#   temperature (°C, not the anomaly) of the Niño 3, Niño 4 and Niño 3.4 regions, named
#   nino.NINO3, nino.NINO4, nino.NINO34; Niño 1+2 left out (fresh5's statsmodels elnino is that
#   region's temperature 1950–2010); ecg and the images left out;
# - plotly: stocks.csv.gz (weekly closes of 6 stocks, Jan 2018 – Dec 2019, each divided by its
#   first value), one series per column (plotly_stocks.<ticker>), frequency 52; its other files are
#   cross-sections, gapminder's 5-yearly panel (12 values) or sport medals, left out;
# - left out (no series of ours' kind, or no time series), surveyed this round: fPortfolio's
#   neighbours fAssets, fMultivar, fNonlinear, fTrading, fBonds, fRegression, fCopulae (no data),
#   actuar (10-value claims), robust, psychTools, rmutil, plotrix, segmented, sm (its nile is the
#   base Nile), smoother, msm, locfit (co2 is Mauna Loa's of the 112; penny, stamp, spencer are
#   no time series), googleVis (3-year fruit, a few days of stocks), RcmdrMisc, @antv/data-samples
#   (vega-datasets' stocks, electricity and unemployment again), dynare's test data (IMF GPM model
#   output with projections, in logs), octave-tsa/econometrics/financial (no data beyond an EEG);
# - left out as the same data as a series of an earlier set: any series with a run of 8
#   consecutive values identical to 8 consecutive values of any series of series.json or fresh_ …
#   fresh9_series.json (train and test), or (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score;
# - left out as the same data twice in this set: of series sharing such a run (4 significant
#   digits, as is, as exp() or as log()), the longer one is kept (on a tie, the first in the order
#   above);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", paste0("fresh", 2:9)), "_series.json"))
collector <- new_collector(earlier_files)

pywt_dir <- env_or("PYWT_DATA", "/usr/lib/python3/dist-packages/pywt/data")
plotly_dir <- env_or("PLOTLY_DATA", "/usr/share/python3-plotly/datasets")

# Monthly means of a daily timeSeries' column `v` on `dates`, the first and last calendar months
# (partial) left out.
monthly_means <- function(v, dates) {
  months <- format(dates, "%Y-%m")
  span <- format(seq(as.Date(paste0(months[1], "-01")), as.Date(paste0(tail(months, 1), "-01")), by = "month"), "%Y-%m")
  out <- tapply(v, factor(months, levels = span), function(x) mean(x[!is.na(x)]))
  as.numeric(out)[-c(1, length(span))]
}

# TeachingDemos
crimes <- get_data("USCrimes", "TeachingDemos")
stopifnot(all(diff(as.integer(dimnames(crimes)[[2]])) == 1))
for (area in dimnames(crimes)[[1]]) {
  for (offence in c("Murder", "Rape", "Robbery", "Assault", "Burglary", "Theft", "VehicleTheft")) {
    collector$add(paste("USCrimes", gsub(" ", "_", area), offence, sep = "."), crimes[area, , offence], 1)
  }
}

# lasso2
iowa <- get_data("Iowa", "lasso2")
iowa <- iowa[order(iowa$Year), ]
stopifnot(all(diff(iowa$Year) == 1))
for (col in setdiff(names(iowa), "Year")) collector$add(paste("Iowa", col, sep = "."), iowa[[col]], 1)

# maps
votes <- get_data("votes.repub", "maps")
stopifnot(all(diff(as.integer(sub("^X", "", colnames(votes)))) == 4))
for (state in rownames(votes)) collector$add(paste("votes.repub", gsub(" ", "_", state), sep = "."), votes[state, ], 1)

# fPortfolio
suppressPackageStartupMessages(library(timeSeries))
econ <- get_data("ECON85LONG", "fPortfolio")
econ_dates <- as.Date(econ[[1]])
econ <- econ[order(econ_dates), ]
stopifnot(!anyDuplicated(format(econ_dates, "%Y-%m")),
          length(seq(min(econ_dates), max(econ_dates), by = "month")) == nrow(econ))
for (col in names(econ)[-1]) collector$add(paste("ECON85LONG", col, sep = "."), econ[[col]], 12)
daily <- function(item) {
  x <- get_data(item, "fPortfolio")
  dates <- as.Date(format(time(x)))
  list(values = as.matrix(x)[order(dates), , drop = FALSE], dates = sort(dates))
}
spi <- daily("SPISECTOR")
for (col in setdiff(colnames(spi$values), "SPI")) {
  collector$add(paste("SPISECTOR", col, sep = "."), monthly_means(spi$values[, col], spi$dates), 12)
}
swx <- daily("SWX")
collector$add("SWX.SII", monthly_means(swx$values[, "SII"], swx$dates), 12)
smallcap <- daily("SMALLCAP")
stopifnot(!anyDuplicated(format(smallcap$dates, "%Y-%m")))
for (col in colnames(smallcap$values)) collector$add(paste("SMALLCAP", col, sep = "."), smallcap$values[, col], 12)

# pywt: a .npz is a zip of .npy files; this one holds one float64 array in Fortran order.
read_npy <- function(zipfile, member) {
  con <- unz(zipfile, member, "rb")
  on.exit(close(con))
  magic <- readBin(con, "raw", 8)
  stopifnot(identical(magic[2:6], charToRaw("NUMPY")), magic[7] == as.raw(1))
  header_len <- readBin(con, "integer", 1, size = 2, signed = FALSE, endian = "little")
  header <- rawToChar(readBin(con, "raw", header_len))
  stopifnot(grepl("'descr': *'<f8'", header), grepl("'fortran_order': *True", header))
  dims <- as.integer(strsplit(sub(".*'shape': *\\(([0-9L, ]+)\\).*", "\\1", header), "[L, ]+")[[1]])
  matrix(readBin(con, "double", prod(dims), size = 8, endian = "little"), nrow = dims[1])
}
sst <- read_npy(file.path(pywt_dir, "sst_nino3.npz"), "sst_csv.npy")
stopifnot(ncol(sst) == 10, sst[1, 1] == 1950, sst[1, 2] == 1,
          all(diff(sst[, 1] * 12 + sst[, 2]) == 1))
regions <- c(NINO3 = 5, NINO4 = 7, NINO34 = 9)
for (region in names(regions)) collector$add(paste("nino", region, sep = "."), sst[, regions[[region]]], 12)

# plotly
pstocks <- read.csv(gzfile(file.path(plotly_dir, "stocks.csv.gz")))
pstocks <- pstocks[order(pstocks$date), ]
stopifnot(all(diff(as.Date(pstocks$date)) == 7))
for (col in setdiff(names(pstocks), "date")) collector$add(paste("plotly_stocks", col, sep = "."), pstocks[[col]], 52)

finish_set(collector, earlier_files, "fresh10", "bench/forecast/export_fresh10.R")
