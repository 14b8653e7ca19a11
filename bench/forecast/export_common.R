# Shared by the confirmation-set exports (export_fresh.R … export_fresh7.R): the
# M4 protocol (two origins, h = 6 / 8 / 12), the selection filters, and R's reference forecasts,
# 95% intervals, auto.arima orders and CPU times written as JSON for `npm run bench:forecast`.
suppressPackageStartupMessages({
  library(forecast)
})

num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
horizon <- function(freq) if (freq == 12) 12 else if (freq == 4) 8 else 6
min_length <- function(freq) if (freq == 12) 48 else if (freq == 4) 24 else 20
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])

# A data set of an installed package; uroot ships its data lazily under other file names, so a name
# `data()` does not find is read from the package's lazy-data environment.
get_data <- function(item, package) {
  e <- new.env()
  suppressWarnings(data(list = item, package = package, envir = e))
  if (exists(item, e, inherits = FALSE)) get(item, e) else get(item, asNamespace(package)$.__NAMESPACE__.$lazydata)
}

# The series kept from `v` (NULL when the selection rule drops it): its longest stretch without NA,
# all positive (sMAPE and Naive2's multiplicative decomposition need it), not constant, not a 0/1
# dummy, at least 20 (yearly), 24 (quarterly) or 48 (monthly) values, cut to the last 240.
select_series <- function(v, freq) {
  v <- as.numeric(na.contiguous(ts(as.numeric(v))))
  if (length(v) < min_length(freq) || any(v <= 0) || all(v %in% c(0, 1)) || length(unique(v)) < 3) return(NULL)
  ts(tail(v, 240), frequency = freq)
}

# auto.arima's order as (p, d, q, P, D, Q, m), m = 1 for a non-seasonal model.
arimaorder7 <- function(a) {
  o <- arimaorder(a)
  if (length(o) == 7) o else c(o, 0, 0, 0, 1)
}

# One r_reference.json record: auto.arima's order, constant and 95% interval, ets()'s and
# thetaf()'s 95% intervals (fa, fe, ft: their forecasts at level 95) and auto.arima's CPU time.
reference_record <- function(name, set, origin, a, fa, fe, ft, arima_ms) {
  constant <- any(names(coef(a)) %in% c("drift", "intercept"))
  sprintf(
    paste0('{"name":"%s","set":"%s","origin":%d,"arima_order":%s,"arima_constant":%s,',
           '"arima_lower":%s,"arima_upper":%s,"ets_lower":%s,"ets_upper":%s,',
           '"thetaf_lower":%s,"thetaf_upper":%s,"arima_ms":%.1f}'),
    name, set, origin, num(arimaorder7(a)), if (constant) "true" else "false",
    num(fa$lower[, 1]), num(fa$upper[, 1]), num(fe$lower[, 1]), num(fe$upper[, 1]),
    num(ft$lower[, 1]), num(ft$upper[, 1]), arima_ms)
}

# Fits R's ets(), auto.arima() and thetaf() at both origins of every candidate and writes
# bench/forecast/data/<set>_series.json and <set>_r_reference.json.
export_set <- function(candidates, set, generator) {
  series_records <- character()
  ref_records <- character()
  header <- sprintf('{"generator":"%s","r":"%s","forecast":"%s","series":[',
                    generator, R.version.string, as.character(packageVersion("forecast")))
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
      series_records <- c(series_records, sprintf(
        paste0('{"name":"%s","set":"%s","origin":%d,"frequency":%d,"h":%d,"train":%s,"test":%s,',
               '"r":{"ets":%s,"thetaf":%s,"auto_arima":%s},"r_ets_model":"%s","r_ets_ms":%.1f}'),
        name, set, origin, freq, h, num(train), num(test),
        num(fe$mean), num(ft$mean), num(fa$mean), e$method, ets_ms))
      ref_records <- c(ref_records, reference_record(name, set, origin, a, fa, fe, ft, arima_ms))
      cat(name, origin, paste(arimaorder7(a), collapse = ","), sprintf("%.0f ms\n", arima_ms))
    }
  }
  out <- function(records, file) writeLines(c(header, paste(records, collapse = ",\n"), "]}"),
                                            file.path("bench/forecast/data", file))
  out(series_records, paste0(set, "_series.json"))
  out(ref_records, paste0(set, "_r_reference.json"))
}

# A collector of candidate series (`$add(name, values, frequency)`, then `$candidates`) that keeps
# what `select_series` keeps and leaves out (in `$overlapping`) any series with a run of 8
# consecutive values identical to 8 consecutive values of a series of the earlier sets' files
# (train and test): the same data under another name.
new_collector <- function(earlier_files) {
  suppressPackageStartupMessages(library(jsonlite))
  runs_of <- function(v) {
    if (length(v) < 8) return(character())
    s <- sprintf("%.10g", v)
    vapply(seq_len(length(v) - 7), function(i) paste(s[i:(i + 7)], collapse = "|"), "")
  }
  seen <- new.env(hash = TRUE)
  for (file in earlier_files) {
    earlier <- fromJSON(file.path("bench/forecast/data", file), simplifyVector = FALSE)$series
    for (s in earlier) for (k in runs_of(c(unlist(s$train), unlist(s$test)))) assign(k, TRUE, envir = seen)
  }
  self <- new.env()
  self$candidates <- list()
  self$overlapping <- character()
  self$add <- function(name, v, freq) {
    if (sum(!is.na(v)) < 3) return(invisible())
    kept <- select_series(v, freq)
    if (is.null(kept)) return(invisible())
    if (any(vapply(runs_of(as.numeric(kept)), exists, TRUE, envir = seen, inherits = FALSE))) {
      self$overlapping <- c(self$overlapping, name)
      return(invisible())
    }
    self$candidates[[name]] <- kept
  }
  self
}

# Runs of 8 consecutive values to 4 significant digits, leaving out runs of fewer than 4 distinct
# values (flat stretches of rates or counts match by chance). `variants` adds the runs of exp(v)
# and log(v): the same data stored as logs or as levels.
near_runs <- function(v, variants = FALSE) {
  vs <- list(v)
  if (variants && max(v) < 700) vs <- c(vs, list(exp(v)))
  if (variants && all(v > 0)) vs <- c(vs, list(log(v)))
  unlist(lapply(vs, function(w) {
    if (length(w) < 8) return(character())
    s <- sprintf("%.4g", w)
    runs <- lapply(seq_len(length(w) - 7), function(i) s[i:(i + 7)])
    vapply(runs[vapply(runs, function(r) length(unique(r)) >= 4, TRUE)], paste, "", collapse = "|")
  }))
}
seen_near <- function(keys, seen) any(vapply(keys, exists, TRUE, envir = seen, inherits = FALSE))

# The checks after the collector's exact one (export_fresh6.R's, round 8): leaves out of
# `collector$candidates` (a) any series with a run of 8 values equal to 4 significant digits to a
# run of a series of `earlier_files`, of its exp() or of its log() (earlier data stored with other
# digits, or as levels where the earlier set holds logs), and (b) the same data twice in this set:
# of series sharing such a run, the longer is kept (on a tie, the first in `order_added`).
# Returns the names left out: list(near_earlier = (a), duplicates = (b)).
drop_near_copies <- function(collector, order_added, earlier_files) {
  suppressPackageStartupMessages(library(jsonlite))
  earlier <- new.env(hash = TRUE)
  for (file in earlier_files) {
    for (s in fromJSON(file.path("bench/forecast/data", file), simplifyVector = FALSE)$series) {
      for (k in near_runs(c(unlist(s$train), unlist(s$test)), variants = TRUE)) assign(k, TRUE, envir = earlier)
    }
  }
  near_earlier <- character()
  for (name in order_added) {
    if (seen_near(near_runs(as.numeric(collector$candidates[[name]])), earlier)) {
      near_earlier <- c(near_earlier, name)
      collector$candidates[[name]] <- NULL
    }
  }
  # Longest first (stable, so `order_added` breaks ties).
  seen <- new.env(hash = TRUE)
  duplicates <- character()
  order_added <- setdiff(order_added, near_earlier)
  by_length <- order_added[order(-vapply(order_added, function(n) length(collector$candidates[[n]]), 0))]
  for (name in by_length) {
    v <- as.numeric(collector$candidates[[name]])
    if (seen_near(near_runs(v), seen)) {
      duplicates <- c(duplicates, name)
      collector$candidates[[name]] <- NULL
    } else {
      for (k in near_runs(v, variants = TRUE)) assign(k, TRUE, envir = seen)
    }
  }
  list(near_earlier = near_earlier, duplicates = duplicates)
}

# Ends a fresh set's export: drops near copies (`drop_near_copies`), prints what the set keeps (by
# frequency and by source, the part of each name before its first dot) and what it leaves out,
# then exports it (`export_set`) unless <SET>_DRY is set; <SET>_NAMES names a file to write the
# kept series' names to.
finish_set <- function(collector, earlier_files, set, generator) {
  left_out <- drop_near_copies(collector, names(collector$candidates), earlier_files)
  freqs <- vapply(collector$candidates, frequency, 0)
  source_of <- sub("\\..*$", "", names(collector$candidates))
  cat(length(collector$candidates), "series (by frequency:", paste(names(table(freqs)), table(freqs), sep = ": ", collapse = ", "),
      "; by source:", paste(names(table(source_of)), table(source_of), sep = ": ", collapse = ", "),
      ");", length(collector$overlapping), "left out as earlier data:", collector$overlapping, ";",
      length(left_out$near_earlier), "left out as earlier data to 4 digits or as logs:", left_out$near_earlier, ";",
      length(left_out$duplicates), "left out as the same data twice in this set:", left_out$duplicates, "\n")
  prefix <- toupper(set)
  names_file <- Sys.getenv(paste0(prefix, "_NAMES"))
  if (names_file != "") writeLines(names(collector$candidates), names_file)
  if (Sys.getenv(paste0(prefix, "_DRY")) == "") export_set(collector$candidates, set, generator)
}

# An environment variable's value, or `default` when it is unset or empty (where a fresh set's
# export reads data files that Debian or npm packages installed).
env_or <- function(name, default) { v <- Sys.getenv(name); if (v == "") default else v }
