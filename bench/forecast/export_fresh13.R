# Exports the THIRTEENTH fresh confirmation set ("fresh13") for `npm run bench:forecast`: yearly
# series no earlier round scored (docs/forecast.md, round 17 protocol: whether, without a season, a
# stationary ARIMA should forecast alone): the tree-ring widths of dplR 1.7.8 that fresh11 left out
# by its cap of 20 series per set. fresh11 took the FIRST 20 series (columns) of each ring-width
# set; fresh13 takes every column AFTER the first 20. dplR 1.7.8 is not in Debian; its .rda files
# are the ones fresh11 committed, unchanged, under bench/forecast/data/raw/fresh11/dplR/ (README
# there says which and why); nothing is copied.
#
# Run: nice Rscript bench/forecast/export_fresh13.R   (Debian's r-base-core, r-cran-forecast and
# r-cran-jsonlite; FRESH13_DRY=1 prints what the rule keeps and stops before any fit).
# FRESH13_RAW (default bench/forecast/data/raw/fresh11) is the folder holding dplR/<set>.rda.
# Writes bench/forecast/data/fresh13_series.json and fresh13_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the source.
#
# Selection rule, fixed before any run (fresh11's dplR rule with the columns its cap left out),
# every series that passes it, none chosen or left out by its shape:
# - dplR: the ring-width sets (class rwl) anos1, ca533, co021, gp.rwl, nm046, wa082, zof.rwl (20,
#   34, 35, 58, 8, 23 and 61 columns), every series (column) AFTER the first 20 of each, in the
#   set's column order (so none of anos1 and nm046; 14 of ca533, 15 of co021, 38 of gp.rwl, 3 of
#   wa082, 41 of zof.rwl: 111 candidates), named dplR.<set>.<series> as in fresh11, as yearly
#   series (the widths, not detrended); left out: the first 20 columns of each set and the
#   chronology cana157 (fresh11 took them), gp.d2pith, gp.dbh, gp.po, zof.anc (per-tree
#   attributes, no series);
# - no other source: the optional yearly sources of the brief (economic, sales, production or
#   population series from a source no round used) were not decided within its 10 minutes, the
#   sources listed in export_fresh2.R … export_fresh12.R having been surveyed already;
# - left out as the same data as a series of an earlier set: any series with a run of 8
#   consecutive values identical to 8 consecutive values of any series of series.json or fresh_ …
#   fresh12_series.json (train and test), or (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score (ring widths are rounded to 0.01 mm, so short runs of other trees may match);
# - left out as the same data twice in this set: of series sharing such a run (4 significant
#   digits, as is, as exp() or as log()), the longer one is kept (on a tie, the first in the order
#   above: sets as listed, columns in the set's order);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 values
#   after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 6 (yearly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", paste0("fresh", 2:12)), "_series.json"))
collector <- new_collector(earlier_files)

raw_dir <- env_or("FRESH13_RAW", "bench/forecast/data/raw/fresh11")
load_rda <- function(file) { e <- new.env(); names <- load(file, e); mget(names, envir = e) }

columns <- c(anos1 = 20, ca533 = 34, co021 = 35, gp.rwl = 58, nm046 = 8, wa082 = 23, zof.rwl = 61)
for (set in names(columns)) {
  rwl <- load_rda(file.path(raw_dir, "dplR", paste0(set, ".rda")))[[set]]
  years <- as.integer(rownames(rwl))
  stopifnot(inherits(rwl, "rwl"), all(diff(years) == 1), ncol(rwl) == columns[[set]])
  for (series in tail(colnames(rwl), -20)) collector$add(paste("dplR", set, series, sep = "."), rwl[[series]], 1)
}

finish_set(collector, earlier_files, "fresh13", "bench/forecast/export_fresh13.R")
