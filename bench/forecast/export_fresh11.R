# Exports the ELEVENTH fresh confirmation set ("fresh11") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 15),
# chosen by DOMAIN for multi-year cycles (the round asks whether a detected cycle is better forecast
# by ARIMA alone): ecological populations, tree rings, commodity and livestock prices, climate
# indices, business-cycle and sales data. Three R data packages that are not in Debian, read from
# their .rda files (snapshots of their public source repositories, committed here):
# - astsa 2.5 (Shumway & Stoffer's data: SOI, fish recruitment, hare and lynx, ENSO/MEI, US
#   industrial production and unemployment, GNP/GDP, chicken and salmon prices, flu, …);
# - tsdl 0.1.0 (Hyndman's Time Series Data Library, 648 series with a subject each);
# - dplR 1.7.8 (tree-ring width measurements).
#
# Run: nice Rscript bench/forecast/export_fresh11.R   (Debian's r-base-core, r-cran-forecast and
# r-cran-jsonlite; FRESH11_DRY=1 prints what the rule keeps and stops before any fit).
# FRESH11_RAW (default bench/forecast/data/raw/fresh11) is the folder holding astsa/, tsdl/ and
# dplR/ with the packages' data/*.rda files, unchanged (README there says which and why).
# Writes bench/forecast/data/fresh11_series.json and fresh11_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the sources.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh10.R), every
# series of a chosen source that passes them, no series chosen or left out by its shape:
# - astsa: every `ts` object of the package (each column of an `mts`), in file-name order, whose
#   frequency is 4 or 12, or 1 with a first time between 1500 and 2100 (calendar years; astsa's
#   other frequency-1 objects are days, seconds, DNA positions, simulations or a 634-step varve
#   index), named astsa.<object>[.<column>]; left out: gdp and gnp (older vintages of GDP and
#   GNP, which are kept), cardox (Mauna Loa CO2, astsa's update of base R's co2), weekly
#   (frequency 52: the LA pollution and mortality, oil and gas prices, left out to keep R's run
#   within ~30 minutes), daily (BCJ, sp500.gr, djia and sp500w as xts), 10-yearly USpop,
#   half-yearly sunspotz (frequency 2, sunspot numbers as base R's), files with no
#   series the rule keeps (not copied to FRESH11_RAW), data frames and lists (climhyd, soiltemp,
#   fmri, sleep, …); the file-name order is R's sort() in the C locale;
# - tsdl: the series whose subject is one of Agriculture, Ecology, Tree-rings, Physics,
#   Macroeconomic, Labour market, Production, Industry, Microeconomic, Sales (the cycle domains,
#   then sales-like), in the package's order, frequency 4 or 12, or 1 with a first time other
#   than 1 (tsdl dates its yearly series by their years, tree rings from -5141 on; an undated
#   frequency-1 series, first time 1, holds trading days, days, hours, weeks or months without a
#   season, or of an unknown step: left out), named tsdl.<index> (its index in the package's
#   list, 1-based); left out: the subjects Hydrology, Meteorology, Finance,
#   Health, Demography, Chemistry, Computing, Crime, Miscellaneous, Sport, Transport and tourism,
#   Utilities, and frequencies 0.1, 0.25, 5, 6, 13, 52, 365;
# - dplR: the ring-width sets (class rwl) anos1, ca533, co021, gp.rwl, nm046, wa082, zof.rwl, the
#   first 20 series (columns) of each in the set's column order (all 8 of nm046), named
#   dplR.<set>.<series>, as yearly series (the widths, not detrended); and the standard
#   chronology cana157 (its first column; the second is sample depth), named dplR.cana157; left
#   out: gp.d2pith, gp.dbh, gp.po, zof.anc (per-tree attributes, no series); the cap of 20 per set
#   keeps the tree rings from filling the set and R's run within ~30 minutes;
# - left out as the same data as a series of an earlier set: any series with a run of 8
#   consecutive values identical to 8 consecutive values of any series of series.json or fresh_ …
#   fresh10_series.json (train and test), or (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score (tsdl and astsa hold many series of the 112's fma and base R);
# - left out as the same data twice in this set: of series sharing such a run (4 significant
#   digits, as is, as exp() or as log()), the longer one is kept (on a tie, the first in the order
#   above: astsa, tsdl, dplR);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly),
#   24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", paste0("fresh", 2:10)), "_series.json"))
collector <- new_collector(earlier_files)

raw_dir <- env_or("FRESH11_RAW", "bench/forecast/data/raw/fresh11")
load_rda <- function(file) { e <- new.env(); names <- load(file, e); mget(names, envir = e) }

# astsa
for (file in file.path(raw_dir, "astsa", sort(list.files(file.path(raw_dir, "astsa"), "\\.rda$"), method = "radix"))) {
  objects <- load_rda(file)
  for (object in sort(names(objects))) {
    x <- objects[[object]]
    if (!is.ts(x) || object %in% c("gdp", "gnp", "cardox")) next
    freq <- frequency(x)
    if (!(freq %in% c(4, 12) || (freq == 1 && start(x)[1] >= 1500 && start(x)[1] <= 2100))) next
    if (is.matrix(x)) {
      for (col in colnames(x)) collector$add(paste("astsa", object, col, sep = "."), x[, col], freq)
    } else {
      collector$add(paste("astsa", object, sep = "."), x, freq)
    }
  }
}

# tsdl
tsdl <- load_rda(file.path(raw_dir, "tsdl", "tsdl.rda"))$tsdl
stopifnot(length(tsdl) == 648)
subjects <- c("Agriculture", "Ecology", "Tree-rings", "Physics", "Macroeconomic", "Labour market",
              "Production", "Industry", "Microeconomic", "Sales")
for (i in seq_along(tsdl)) {
  x <- tsdl[[i]]
  yearly <- frequency(x) == 1 && start(x)[1] != 1
  if (!(attr(x, "subject") %in% subjects) || !(yearly || frequency(x) %in% c(4, 12)) || NCOL(x) != 1) next
  collector$add(paste0("tsdl.", i), as.numeric(x), frequency(x))
}

# dplR
for (set in c("anos1", "ca533", "co021", "gp.rwl", "nm046", "wa082", "zof.rwl")) {
  rwl <- load_rda(file.path(raw_dir, "dplR", paste0(set, ".rda")))[[set]]
  years <- as.integer(rownames(rwl))
  stopifnot(inherits(rwl, "rwl"), all(diff(years) == 1))
  for (series in head(colnames(rwl), 20)) collector$add(paste("dplR", set, series, sep = "."), rwl[[series]], 1)
}
crn <- load_rda(file.path(raw_dir, "dplR", "cana157.rda"))$cana157
stopifnot(inherits(crn, "crn"), all(diff(as.integer(rownames(crn))) == 1))
collector$add("dplR.cana157", crn[[1]], 1)

finish_set(collector, earlier_files, "fresh11", "bench/forecast/export_fresh11.R")
