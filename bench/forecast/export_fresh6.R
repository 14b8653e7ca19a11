# Exports the SIXTH fresh confirmation set ("fresh6") for `npm run bench:forecast`: series from a
# source no earlier round of the forecast work used or looked at (docs/forecast.md, round 8): the
# data files of gretl (Debian's gretl-data and gretl-common 2022c packages).
#
# Run: Rscript bench/forecast/export_fresh6.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite, gretl-data; GRETL_DATA overrides /usr/share/gretl/data). The .gdt files are read
# with base R (gretl's XML, plain or gzip-compressed; no XML package needed).
# Writes bench/forecast/data/fresh6_series.json and fresh6_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or gretl.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh5.R):
# - every .gdt file of gretl's misc, greene and ramanathan collections (sorted by path) whose
#   <gretldata> has type="time-series" and frequency 1 (yearly), 4 (quarterly), 12 (monthly) or 52
#   (weekly); left out: cross-sections, panels (type="stacked-time-series"), daily (frequency 5, 7)
#   and hourly (24) files;
# - every variable of such a file, named <file>.<variable> (e.g. AWM.YER), except variables marked
#   discrete="true" (dummies), date variables (named year, period, date or obs in any case) and
#   time indexes (a linear sequence: all first differences equal);
# - misc/AWM17.gdt is left out as an earlier vintage of misc/AWM18.gdt (the same 47 variables, one
#   year shorter, values revised: its hold-out quarters would be AWM18's second origin again);
# - MIDAS variables (gretl's midas_period attribute: one quarterly column per month of the
#   quarter, <base>_m1 … <base>_m3) are put back as the one monthly series they are, named
#   <file>.<base> (e.g. gdp_midas.payems);
# - left out as the same data as a series of an earlier set: any series with a run of 8 consecutive
#   values identical to 8 consecutive values of any series of series.json or fresh_ … fresh5_
#   series.json (train and test), and, since gretl stores some of that data with other digits or as
#   levels where the earlier set holds logs (Nelson–Plosser, Stock–Watson, airline passengers), any
#   series with a run of 8 consecutive values (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score;
# - left out as the same data twice in this set (gretl ships some data in several files, e.g. AWM
#   and AWM18, sw_ch12 and sw_ch14, or a variable and its log): of series sharing such a run
#   (4 significant digits, as is, as exp() or as log()), the longer one is kept (on a tie, the
#   first in file order);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")

gretl <- Sys.getenv("GRETL_DATA", "/usr/share/gretl/data")
kept_frequencies <- c(1, 4, 12, 52)
earlier_vintages <- c("AWM17")

# The value of attribute `key` in the XML start tag `tag` (NA when absent).
xml_attr <- function(tag, key) {
  m <- regmatches(tag, regexec(paste0("[[:space:]]", key, "=\"([^\"]*)\""), tag))[[1]]
  if (length(m) == 2) m[2] else NA_character_
}

# A gretl .gdt file (plain or gzip-compressed XML) as a list: frequency, type, the <variable> tags
# and a numeric matrix (one column per variable, NA where gretl wrote NA).
read_gdt <- function(path) {
  con <- gzfile(path, encoding = "UTF-8")
  text <- paste(readLines(con, warn = FALSE), collapse = "\n")
  close(con)
  header <- regmatches(text, regexpr("<gretldata[[:space:]][^>]*>", text))
  vars <- regmatches(text, gregexpr("<variable[[:space:]][^>]*>", text))[[1]]
  rows <- regmatches(text, gregexpr("<obs([[:space:]][^>]*)?>[^<]*</obs>", text))[[1]]
  cells <- strsplit(trimws(gsub("<[^>]*>", "", rows)), "[[:space:]]+")
  if (length(rows) == 0 || any(lengths(cells) != length(vars))) stop(path, ": rows do not match the variables")
  tokens <- unlist(cells)
  values <- suppressWarnings(as.numeric(tokens))
  if (any(is.na(values) & tokens != "NA")) stop(path, ": non-numeric values ", paste(unique(tokens[is.na(values) & tokens != "NA"]), collapse = " "))
  list(frequency = as.numeric(xml_attr(header, "frequency")), type = xml_attr(header, "type"), vars = vars,
       x = matrix(values, ncol = length(vars), byrow = TRUE))
}

is_time_index <- function(name, v) {
  if (tolower(name) %in% c("year", "period", "date", "obs")) return(TRUE)
  d <- diff(v[!is.na(v)])
  length(d) > 0 && all(abs(d - d[1]) <= 1e-9 * max(1, abs(d[1])))
}

collector <- new_collector(c("series.json", "fresh_series.json", "fresh2_series.json", "fresh3_series.json",
                             "fresh4_series.json", "fresh5_series.json"))
order_added <- character()
files <- sort(Sys.glob(file.path(gretl, c("misc", "greene", "ramanathan"), "*.gdt")))
for (path in files) {
  g <- read_gdt(path)
  file <- sub("\\.gdt$", "", basename(path))
  if (g$type != "time-series" || !(g$frequency %in% kept_frequencies) || file %in% earlier_vintages) next
  names <- vapply(g$vars, xml_attr, "", key = "name", USE.NAMES = FALSE)
  midas <- !is.na(vapply(g$vars, xml_attr, "", key = "midas_period", USE.NAMES = FALSE))
  before <- names(collector$candidates)
  n_overlapping <- length(collector$overlapping)
  skipped <- character()
  for (j in which(!midas)) {
    if (identical(xml_attr(g$vars[j], "discrete"), "true") || is_time_index(names[j], g$x[, j])) {
      skipped <- c(skipped, names[j])
      next
    }
    collector$add(paste(file, names[j], sep = "."), g$x[, j], g$frequency)
  }
  # gretl lists a MIDAS group from its last month down: <base>_m3, <base>_m2, <base>_m1.
  for (base in unique(sub("_m[0-9]+$", "", names[midas]))) {
    cols <- which(midas & sub("_m[0-9]+$", "", names) == base)
    periods <- as.numeric(vapply(g$vars[cols], xml_attr, "", key = "midas_period", USE.NAMES = FALSE))
    per_year <- as.numeric(xml_attr(g$vars[cols[1]], "midas_freq"))
    collector$add(paste(file, base, sep = "."), as.numeric(t(g$x[, cols[order(periods)]])), per_year)
  }
  added <- setdiff(names(collector$candidates), before)
  order_added <- c(order_added, added)
  cat(sprintf("%s (frequency %g): %d kept, %d earlier data, %d skipped (discrete/date/index: %s)\n", file,
              g$frequency, length(added), length(collector$overlapping) - n_overlapping, length(skipped),
              paste(skipped, collapse = " ")))
}

left_out <- drop_near_copies(collector, order_added,
                             c("series.json", paste0(c("fresh", "fresh2", "fresh3", "fresh4", "fresh5"), "_series.json")))
near_earlier <- left_out$near_earlier
duplicates <- left_out$duplicates

freqs <- vapply(collector$candidates, frequency, 0)
cat(length(collector$candidates), "series (by frequency:", paste(names(table(freqs)), table(freqs), sep = ": ", collapse = ", "),
    ");", length(collector$overlapping), "left out as earlier data:", collector$overlapping, ";",
    length(near_earlier), "left out as earlier data to 4 digits or as logs:", near_earlier, ";",
    length(duplicates), "left out as the same data twice in this set:", duplicates, "\n")
export_set(collector$candidates, "fresh6", "bench/forecast/export_fresh6.R")
