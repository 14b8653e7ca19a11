# Exports the TWELFTH fresh confirmation set ("fresh12") for `npm run bench:forecast`: series from
# a source no earlier round scored (docs/forecast.md, round 16 protocol): the subjects of the Time
# Series Data Library that fresh11 left out (hydrology, meteorology, finance, health, demography,
# chemistry, computing, crime, miscellaneous, sport, transport and tourism, utilities), chosen by
# domain (river flows, rainfall and temperatures are where yearly cycles are common), never by a
# series' shape. tsdl 0.1.0 is not in Debian; its data file is the one fresh11 committed,
# unchanged, under bench/forecast/data/raw/fresh11/tsdl/ (README there says which and why).
#
# Run: nice Rscript bench/forecast/export_fresh12.R   (Debian's r-base-core, r-cran-forecast and
# r-cran-jsonlite; FRESH12_DRY=1 prints what the rule keeps and stops before any fit).
# FRESH12_RAW (default bench/forecast/data/raw/fresh11) is the folder holding tsdl/tsdl.rda.
# Writes bench/forecast/data/fresh12_series.json and fresh12_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the source.
#
# Selection rule, fixed before any run (fresh11's tsdl rule with the other subjects, plus weekly
# series), every series of the chosen subjects that passes it, none chosen or left out by its shape:
# - tsdl: the series whose subject is one of Hydrology, Meteorology, Finance, Health, Demography,
#   Chemistry, Computing, Crime, Miscellaneous, Sport, Transport and tourism, Utilities (every
#   subject fresh11 did not take), in the package's order, with one column, frequency 4, 12 or 52
#   (weekly), or 1 with a first time other than 1 (tsdl dates its yearly series by their years; an
#   undated frequency-1 series, first time 1, holds trading days, days, hours, weeks or months
#   without a season, or of an unknown step: left out), named tsdl.<index> (its index in the
#   package's list, 1-based, as in fresh11); left out: the subjects fresh11 took (Agriculture,
#   Ecology, Tree-rings, Physics, Macroeconomic, Labour market, Production, Industry,
#   Microeconomic, Sales), frequencies 0.1, 0.25, 5, 6, 13, 365, and series of several columns
#   (as fresh11);
# - no other source (astsa's weekly series, left out of fresh11 for run time, stay out);
# - left out as the same data as a series of an earlier set: any series with a run of 8
#   consecutive values identical to 8 consecutive values of any series of series.json or fresh_ …
#   fresh11_series.json (train and test), or (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score (tsdl holds copies of many of base R's and fma's series);
# - left out as the same data twice in this set: of series sharing such a run (4 significant
#   digits, as is, as exp() or as log()), the longer one is kept (on a tie, the first in the
#   package's order);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly and
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", paste0("fresh", 2:11)), "_series.json"))
collector <- new_collector(earlier_files)

raw_dir <- env_or("FRESH12_RAW", "bench/forecast/data/raw/fresh11")
load_rda <- function(file) { e <- new.env(); names <- load(file, e); mget(names, envir = e) }

tsdl <- load_rda(file.path(raw_dir, "tsdl", "tsdl.rda"))$tsdl
stopifnot(length(tsdl) == 648)
subjects <- c("Hydrology", "Meteorology", "Finance", "Health", "Demography", "Chemistry", "Computing",
              "Crime", "Miscellaneous", "Sport", "Transport and tourism", "Utilities")
for (i in seq_along(tsdl)) {
  x <- tsdl[[i]]
  yearly <- frequency(x) == 1 && start(x)[1] != 1
  if (!(attr(x, "subject") %in% subjects) || !(yearly || frequency(x) %in% c(4, 12, 52)) || NCOL(x) != 1) next
  collector$add(paste0("tsdl.", i), as.numeric(x), frequency(x))
}

finish_set(collector, earlier_files, "fresh12", "bench/forecast/export_fresh12.R")
