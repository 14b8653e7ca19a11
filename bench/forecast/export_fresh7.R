# Exports the SEVENTH fresh confirmation set ("fresh7") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 9): R's
# surveillance (disease counts), Epi (Danish births), bayesm (store and brand sales) and ggplot2
# (Texas housing sales by city, US economics) packages.
#
# Run: nice Rscript bench/forecast/export_fresh7.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite, r-cran-surveillance 1.20.3, r-cran-epi 2.47, r-cran-bayesm 3.1-5, r-cran-ggplot2 3.4.1;
# FRESH7_DRY=1 prints what the rule keeps and stops before any fit).
# Writes bench/forecast/data/fresh7_series.json and fresh7_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the packages.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh6.R):
# - surveillance: every data set of class sts or disProg (weekly and monthly counts of notified
#   cases, Danish all-cause deaths by age group, ...) whose frequency is 1, 4, 12 or 52, one series
#   per column (region, age group or pathogen), named <data set>.<column> (<data set> alone when it
#   has one column); left out: deleval (frequency 104) and the event-level sets (epidata,
#   epidataCS, data frames of single cases);
# - Epi: B.dk, monthly live births in Denmark 1901–2018, boys (m) and girls (f), in date order;
# - bayesm: tuna, weekly unit sales of 7 canned-tuna brands (MOVE1 … MOVE7; the price, display and
#   wholesale columns are left out); orangeJuice, one weekly series per store (83 stores, weeks
#   40–160): the store's units of the 11 brands, round(exp(logmove)) summed, NA in a week where the
#   store has fewer than the 11 brands recorded (na.contiguous then keeps the longest full stretch);
# - ggplot2: txhousing, monthly Texas housing market per city (46 cities, Jan 2000 – Jul 2015), one
#   series per city and column (sales, volume, median, listings, inventory), in date order;
#   economics, US monthly pce, pop, psavert, uempmed, unemploy (economics_long is the same data);
# - left out as the same data as a series of an earlier set: any series with a run of 8 consecutive
#   values identical to 8 consecutive values of any series of series.json or fresh_ … fresh6_
#   series.json (train and test), or (at least 4 of them distinct) equal to 4 significant digits
#   to 8 consecutive values of such a series, of its exp() or of its log(); checked here, before
#   any score;
# - left out as the same data twice in this set (surveillance ships some data as both sts and
#   disProg, e.g. ha and ha.sts, measles.weser and measlesWeserEms, Salmonella Newport in three
#   sets): of series sharing such a run (4 significant digits, as is, as exp() or as log()), the
#   longer one is kept (on a tie, the first in the order above, data sets sorted by name);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")
suppressPackageStartupMessages(library(surveillance))

kept_frequencies <- c(1, 4, 12, 52)
earlier_files <- c("series.json", paste0(c("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6"), "_series.json"))
collector <- new_collector(earlier_files)

# surveillance
# Every object of every data file (a file such as hagelloch holds several: hagelloch, hagelloch.df).
objects <- new.env()
files <- unique(sub("^.*\\((.*)\\)$", "\\1", data(package = "surveillance")$results[, "Item"]))
for (file in files) suppressWarnings(data(list = file, package = "surveillance", envir = objects))
for (item in sort(ls(objects))) {
  x <- get(item, objects)
  if (is(x, "sts")) {
    observed <- as.matrix(x@observed)
    freq <- x@freq
  } else if (inherits(x, "disProg")) {
    observed <- as.matrix(x$observed)
    freq <- x$freq
  } else {
    next
  }
  if (!(freq %in% kept_frequencies)) {
    cat(item, ": frequency", freq, "left out\n")
    next
  }
  for (j in seq_len(ncol(observed))) {
    unit <- colnames(observed)[j]
    name <- if (ncol(observed) == 1) item else paste(item, if (is.null(unit) || unit == "") j else unit, sep = ".")
    collector$add(name, observed[, j], freq)
  }
}

# Epi
b <- get_data("B.dk", "Epi")
b <- b[order(b$year, b$month), ]
collector$add("B.dk.m", b$m, 12)
collector$add("B.dk.f", b$f, 12)

# bayesm
tuna <- get_data("tuna", "bayesm")
tuna <- tuna[order(tuna$WEEK), ]
for (col in paste0("MOVE", 1:7)) collector$add(paste("tuna", col, sep = "."), tuna[[col]], 52)
oj <- get_data("orangeJuice", "bayesm")$yx
weeks <- min(oj$week):max(oj$week)
brands <- length(unique(oj$brand))
for (store in sort(unique(oj$store))) {
  s <- oj[oj$store == store, ]
  units <- tapply(round(exp(s$logmove)), factor(s$week, levels = weeks), sum)
  count <- tapply(s$brand, factor(s$week, levels = weeks), length)
  units[is.na(count) | count < brands] <- NA
  collector$add(paste("orangeJuice.store", store, sep = "."), as.numeric(units), 52)
}

# ggplot2
tx <- get_data("txhousing", "ggplot2")
tx <- tx[order(tx$city, tx$year, tx$month), ]
for (city in unique(tx$city)) {
  rows <- tx[tx$city == city, ]
  for (col in c("sales", "volume", "median", "listings", "inventory")) {
    collector$add(paste("txhousing", city, col, sep = "."), rows[[col]], 12)
  }
}
ec <- get_data("economics", "ggplot2")
ec <- ec[order(ec$date), ]
for (col in c("pce", "pop", "psavert", "uempmed", "unemploy")) collector$add(paste("economics", col, sep = "."), ec[[col]], 12)

finish_set(collector, earlier_files, "fresh7", "bench/forecast/export_fresh7.R")
