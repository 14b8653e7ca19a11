# Exports the benchmark series for `npm run bench:forecast` and R's forecasts for their hold-outs.
#
# Run: Rscript bench/forecast/export.R   (needs Debian's r-base-core and r-cran-forecast)
# Writes bench/forecast/data/series.json, which is committed so the benchmark runs without R.
#
# Two sets of real series that ship with R and its packages:
#   "main"   - datasets + forecast (AirPassengers, wineind, UKgas, ...): the set the method was developed on;
#   "unseen" - tseries / urca series, kept aside to check that the method generalizes.
# Two forecast origins per series: origin 0 holds out the last h points; origin 1 holds out the h
# points before those (the last h are dropped), a second split for the same check.
# h = 12 (monthly), 8 (quarterly), 6 (yearly), as in the M4 competition.
suppressPackageStartupMessages({
  library(forecast)
  library(tseries)
  library(urca)
})

col <- function(x, name) x[, name]
get_data <- function(name, package) {
  e <- new.env()
  data(list = name, package = package, envir = e)
  get(name, e)
}

main <- list(
  AirPassengers = AirPassengers, wineind = wineind, USAccDeaths = USAccDeaths, nottem = nottem,
  ldeaths = ldeaths, mdeaths = mdeaths, fdeaths = fdeaths, co2 = co2,
  UKDriverDeaths = UKDriverDeaths, gas = gas,
  Seatbelts.front = col(Seatbelts, "front"), Seatbelts.rear = col(Seatbelts, "rear"),
  Seatbelts.kms = col(Seatbelts, "kms"), Seatbelts.PetrolPrice = col(Seatbelts, "PetrolPrice"),
  Seatbelts.VanKilled = col(Seatbelts, "VanKilled"),
  UKgas = UKgas, austres = austres, JohnsonJohnson = JohnsonJohnson, woolyrnq = woolyrnq,
  freeny.y = freeny.y,
  lynx = lynx, Nile = Nile, WWWusage = WWWusage, sunspot.year = sunspot.year, LakeHuron = LakeHuron,
  airmiles = airmiles, BJsales = BJsales, BJsales.lead = BJsales.lead, discoveries = discoveries,
  nhtemp = nhtemp, lh = lh
)

NelPlo <- get_data("NelPlo", "tseries")
USeconomic <- get_data("USeconomic", "tseries")
nino <- get_data("nino", "tseries")
tcm <- get_data("tcm", "tseries")
UKconsumption <- get_data("UKconsumption", "urca")
unseen <- list(
  NelPlo.cpi = col(NelPlo, "cpi"), NelPlo.ip = col(NelPlo, "ip"), NelPlo.gnp.nom = col(NelPlo, "gnp.nom"),
  NelPlo.vel = col(NelPlo, "vel"), NelPlo.emp = col(NelPlo, "emp"), NelPlo.int.rate = col(NelPlo, "int.rate"),
  NelPlo.nom.wages = col(NelPlo, "nom.wages"), NelPlo.gnp.def = col(NelPlo, "gnp.def"),
  NelPlo.money.stock = col(NelPlo, "money.stock"), NelPlo.gnp.real = col(NelPlo, "gnp.real"),
  NelPlo.stock.prices = col(NelPlo, "stock.prices"), NelPlo.gnp.capita = col(NelPlo, "gnp.capita"),
  NelPlo.real.wages = col(NelPlo, "real.wages"), NelPlo.unemp = col(NelPlo, "unemp"),
  USeconomic.M1 = exp(col(USeconomic, "log(M1)")), USeconomic.GNP = exp(col(USeconomic, "log(GNP)")),
  USeconomic.rs = col(USeconomic, "rs"), USeconomic.rl = col(USeconomic, "rl"),
  UKconsumption.cons = col(UKconsumption, "cons"), UKconsumption.inc = col(UKconsumption, "inc"),
  UKconsumption.price = col(UKconsumption, "price"),
  nino3 = col(nino, "nino3"), tcm1y = col(tcm, "tcm1y"), tcm10y = col(tcm, "tcm10y"),
  sunspots.recent = window(sunspots, start = c(1950, 1))
)

num <- function(v) paste0("[", paste(sprintf("%.10g", as.numeric(v)), collapse = ","), "]")
horizon <- function(freq) if (freq == 12) 12 else if (freq == 4) 8 else 6

# CPU time (user + system) rather than elapsed time: the machine may be shared.
cpu <- function() sum(proc.time()[c("user.self", "sys.self")])
ms <- function(expr) {
  t0 <- cpu()
  value <- expr
  list(value = value, ms = 1000 * (cpu() - t0))
}

# Rewritten after every series, so a partial export is still usable.
save_json <- function(records) {
  dir.create("bench/forecast/data", showWarnings = FALSE, recursive = TRUE)
  writeLines(c(
    sprintf('{"generator":"bench/forecast/export.R","r":"%s","forecast":"%s","series":[',
            R.version.string, as.character(packageVersion("forecast"))),
    paste(records, collapse = ",\n"), "]}"), out_file)
}

# A rerun reuses the records of an earlier (possibly partial) export: auto.arima on long monthly
# series takes minutes on a busy machine. Each record is one line of the file.
out_file <- "bench/forecast/data/series.json"
previous <- if (file.exists(out_file)) sub(",$", "", readLines(out_file)) else character()
reuse <- function(set, name, origin) {
  key <- sprintf('{"name":"%s","set":"%s","origin":%d,', name, set, origin)
  hit <- previous[startsWith(previous, key)]
  if (length(hit) == 1) hit else NULL
}

records <- character()
for (set in c("main", "unseen")) {
  series <- if (set == "main") main else unseen
  for (name in names(series)) {
    x <- na.contiguous(series[[name]]) # the NelPlo columns start at different years
    freq <- frequency(x)
    if (freq != 1 && freq != 4 && freq != 12) freq <- 1
    # Long series are cut to their last 240 points (20 years of monthly data): enough history for
    # every method here, and it keeps auto.arima's run time of this export reasonable.
    x <- ts(tail(as.numeric(x), 240), frequency = freq)
    h <- horizon(freq)
    for (origin in 0:1) {
      old <- reuse(set, name, origin)
      if (!is.null(old)) {
        records <- c(records, old)
        next
      }
      n <- length(x) - origin * h
      train <- ts(as.numeric(x)[1:(n - h)], frequency = freq)
      test <- as.numeric(x)[(n - h + 1):n]
      e <- ms(ets(train))
      th <- thetaf(train, h = h)$mean
      ar <- forecast(auto.arima(train), h = h)$mean
      records <- c(records, sprintf(
        paste0('{"name":"%s","set":"%s","origin":%d,"frequency":%d,"h":%d,"train":%s,"test":%s,',
               '"r":{"ets":%s,"thetaf":%s,"auto_arima":%s},"r_ets_model":"%s","r_ets_ms":%.1f}'),
        name, set, origin, freq, h, num(train), num(test),
        num(forecast(e$value, h = h)$mean), num(th), num(ar), e$value$method, e$ms))
      cat(set, name, origin, e$value$method, sprintf("%.0f ms", e$ms), "\n")
      save_json(records)
    }
  }
}
